#![allow(clippy::unwrap_used)]

//! The write-up's examples, as written in `shared/reference/touch.md`.

use super::*;
use crate::Raw;

#[test]
fn the_person_example() {
    let body = r#"{"response": {"authToken": "name:xxyz", "distance": 0, "email": "ada@example.com",
 "firstName": "Ada", "formattedName": "Ada Byron", "hasPicture": true, "headline": "Engineer",
 "id": "293949", "lastName": "Byron",
 "picture": "https://media.licdn.com/mpr/mpr/shrinknp_100_100/p/1/000/202/111/123937.jpg"}}"#;
    let value: Value = serde_json::from_str(body).unwrap();
    let person: Raw<TouchPerson> = crate::extract(&value, "/response").unwrap();
    assert_eq!(person.id, "293949");
    assert_eq!(
        (person.first_name.as_str(), person.last_name.as_str()),
        ("Ada", "Byron")
    );
    assert_eq!(person.formatted_name.as_deref(), Some("Ada Byron"));
    assert_eq!(person.email.as_deref(), Some("ada@example.com"));
    assert_eq!(person.distance, Some(0));
    assert!(person.has_picture);
    assert_eq!(person.auth_token.as_deref(), Some("name:xxyz"));
    assert_eq!(person.raw()["headline"], "Engineer");
}

/// What a person presents as always there is required: a person without its id (or with
/// `null`, or a number) does not read, and neither does a page without its person.
#[test]
fn a_person_without_an_id_or_a_name_does_not_read() {
    let person = serde_json::json!({"id": "293949", "firstName": "Ada", "lastName": "Byron", "hasPicture": false});
    assert!(serde_json::from_value::<TouchPerson>(person.clone()).is_ok());
    for (key, value) in [
        ("id", None),
        ("id", Some(Value::Null)),
        ("id", Some(serde_json::json!(293_949))),
        ("id", Some(serde_json::json!("29394x"))),
        ("id", Some(serde_json::json!("urn:li:lı:7"))),
        ("id", Some(serde_json::json!(""))),
        ("firstName", None),
        ("lastName", Some(Value::Null)),
        ("hasPicture", None),
    ] {
        let mut bad = person.clone();
        match value {
            Some(v) => bad[key] = v,
            None => {
                bad.as_object_mut().unwrap().remove(key);
            }
        }
        assert!(
            serde_json::from_value::<TouchPerson>(bad.clone()).is_err(),
            "{bad}"
        );
    }
    assert!(serde_json::from_str::<MyPage>(r#"{"detail": []}"#).is_err());
    assert!(serde_json::from_str::<Connections>(r#"{"values": []}"#).is_err());
}

#[test]
fn the_page_fields() {
    // The write-up lists the page's fields without an example; these are its names.
    let body = r#"{"profile": {"person": {"lastName": "Byron", "originalPicture": "https://media.licdn.com/o.jpg",
 "tType": "pt1", "distance": 0, "formattedName": "Ada Byron", "authToken": "name:xxyz",
 "industry": "Computer Networking", "picture": "https://media.licdn.com/p.jpg", "phoneNumbers": [],
 "hasPicture": true, "firstName": "Ada", "location": "San Francisco, California", "id": "293949",
 "headline": "Engineer"}, "detail": [{"tType": "sect4", "contextType": "education1", "values": []}]}}"#;
    let value: Value = serde_json::from_str(body).unwrap();
    let page: MyPage = crate::extract(&value, "/profile").unwrap();
    assert_eq!(page.person.t_type.as_deref(), Some("pt1"));
    assert_eq!(page.person.industry.as_deref(), Some("Computer Networking"));
    assert_eq!(
        page.person.location.as_deref(),
        Some("San Francisco, California")
    );
    assert_eq!(page.detail[0].context, ContextType::Education1);
}

#[test]
fn the_top_card_example() {
    let body = r#"{"personTopCard": {
 "tType": "personTopCard", "text1": "Ada Byron", "text2": "Founder at Example",
 "text3": "San Francisco, California | Computer Networking", "isSelf": true,
 "summary1": {"tType": "sum1", "values": [{"tType": "sum2", "text1": "139", "text2": "connections"}]},
 "summary2": {"tType": "sum4", "text1": "Example", "text2": "Founder",
   "text3": "March 2011 - Present (4 years 7 months)",
   "pictureUrl": "https://media.licdn.com/media/p/2/000/1a7/291/d8d8d8s.png", "pictureLogo": "company_tc",
   "link": {"targetContextType": "experience1", "partialData": {"title": "Ada Byron"},
            "resourcePath": "/li/v2/profile/7881116/detail/background", "id": "7881116"}}}}"#;
    let value: Value = serde_json::from_str(body).unwrap();
    let card: Raw<TopCard> = crate::extract(&value, "/personTopCard").unwrap();
    assert_eq!(card.name, "Ada Byron");
    assert_eq!(card.headline.as_deref(), Some("Founder at Example"));
    assert_eq!(card.location.as_deref(), Some("San Francisco, California"));
    assert_eq!(card.industry.as_deref(), Some("Computer Networking"));
    assert_eq!(card.is_self, Some(true));
    assert_eq!(card.connections, Some(139));
    assert_eq!(card.member_id.as_deref(), Some("7881116"));
    let position = card.current_position.as_ref().unwrap();
    assert_eq!(position.company.as_deref(), Some("Example"));
    assert_eq!(position.title.as_deref(), Some("Founder"));
    assert_eq!(
        position.dates.as_deref(),
        Some("March 2011 - Present (4 years 7 months)")
    );
    let link = position.link.as_ref().unwrap();
    assert_eq!(link.target_context_type, Some(ContextType::Experience1));
    assert_eq!(
        link.resource_path.as_deref(),
        Some("/li/v2/profile/7881116/detail/background")
    );
    assert_eq!(card.raw()["summary2"]["pictureLogo"], "company_tc");
    // Written under this workspace's names (the raw JSON keeps LinkedIn's).
    let written = serde_json::to_value(&card).unwrap();
    assert_eq!(written["is_self"], true);
    assert_eq!(written["member_id"], "7881116");
    assert_eq!(
        written["current_position"]["link"]["target_context_type"],
        "experience1"
    );
}

/// A card that does not say whether it is the viewer's own is `None`, not `false`: only the
/// recorded card (the viewer's own) shows the key.
#[test]
fn a_top_card_without_is_self_does_not_say() {
    let value: Value = serde_json::json!({"text1": "Grace Hopper", "text2": "Director"});
    let card: TopCard = serde_json::from_value(value).unwrap();
    assert_eq!(card.is_self, None);
    assert_eq!(serde_json::to_value(&card).unwrap()["is_self"], Value::Null);
}

#[test]
fn top_card_lines_that_differ() {
    let card: TopCard = serde_json::from_str(
        r#"{"text1": "A", "text3": "Berlin, Germany",
               "summary1": {"values": [{"text1": "500+", "text2": "connections"}]}}"#,
    )
    .unwrap();
    assert_eq!(card.location.as_deref(), Some("Berlin, Germany"));
    assert_eq!(card.industry, None);
    assert_eq!(card.connections, Some(500));
    assert_eq!(card.current_position, None);
    assert_eq!(leading_number("1,055"), Some(1055));
    assert_eq!(leading_number("many"), None);
}

#[test]
fn the_connections_example() {
    let body = r#"{"total": 1055, "count": 1055, "values": [
 {"authToken": "name:xxyz", "distance": 2, "firstName": "Grace", "formattedName": "Grace Hopper",
  "headline": "Director of Product", "id": "10420023", "lastName": "Hopper", "hasPicture": true,
  "picture": "https://media.licdn.com/mpr/mpr/shrinknp_200_200/AAEEAQAAAkm.jpg", "tType": "pt3"}]}"#;
    let connections: Connections = serde_json::from_str(body).unwrap();
    assert_eq!(connections.total, 1055);
    assert_eq!(connections.count, Some(1055));
    let grace = &connections.people[0];
    assert_eq!(grace.id, "10420023");
    assert_eq!(grace.formatted_name.as_deref(), Some("Grace Hopper"));
    assert_eq!(grace.distance, Some(2));
    assert_eq!(grace.t_type.as_deref(), Some("pt3"));
}

#[test]
fn the_background_example() {
    let body = r#"{"values": [{"tType": "sect4", "contextType": "education1", "values": [
 {"tType": "prt2", "text1": "B.A., English and History", "header": "Example College",
  "pictureUrl": "https://media.licdn.com/mpr/mpr/shrinknp_100_100/p/1/005/011/0ec/4deadbeef.png",
  "pictureLogo": "education_grey"}]}]}"#;
    let value: Value = serde_json::from_str(body).unwrap();
    let sections: Vec<BackgroundSection> = crate::extract(&value, "/values").unwrap();
    assert_eq!(sections[0].context, ContextType::Education1);
    let item = &sections[0].items[0];
    assert_eq!(item.organization.as_deref(), Some("Example College"));
    assert_eq!(item.title.as_deref(), Some("B.A., English and History"));
    assert_eq!(item.picture_logo.as_deref(), Some("education_grey"));
    assert_eq!(item.subtitle, None);

    let other: BackgroundSection =
        serde_json::from_str(r#"{"contextType": "honors3", "values": []}"#).unwrap();
    assert_eq!(other.context, ContextType::Other("honors3".into()));
}

#[test]
fn the_endorsements_example() {
    // The write-up gives the outer shape and the two inner values separately; they are
    // put together here as written.
    let body = r#"{"values": [{"resourcePath": "/li/v2/people/endorsements?skill=Internal%20Communications", "values": [
 {"tType": "rt20", "text1": "Internal Communications", "count": 2, "id": "7881116", "type": "skill"},
 {"tType": "rt24", "representsCurrentUser": false, "text1": "Name", "text2": "Headline", "pictureUrl": "...",
  "link": {"resourcePath": "/li/v1/people/24631444/profile", "id": "24631444", "type": "person"}}]}]}"#;
    let value: Value = serde_json::from_str(body).unwrap();
    let skills: Vec<Endorsement> = crate::extract(&value, "/values").unwrap();
    let skill = &skills[0];
    assert_eq!(skill.skill, "Internal Communications");
    assert_eq!(skill.count, 2);
    assert_eq!(
        skill.resource_path.as_deref(),
        Some("/li/v2/people/endorsements?skill=Internal%20Communications")
    );
    assert_eq!(skill.endorsers.len(), 1);
    let endorser = &skill.endorsers[0];
    assert_eq!(endorser.name, "Name");
    assert_eq!(endorser.headline.as_deref(), Some("Headline"));
    assert_eq!(endorser.member_id.as_deref(), Some("24631444"));
    assert!(!endorser.represents_current_user);
}

#[test]
fn the_mailbox_example() {
    // As written, except that the messages' `"from": {...}, "to": [{...}]` (elided in the
    // write-up, not JSON) hold the invitation's sender.
    let from = r#"{"firstName": "...", "lastName": "...",
   "formattedName": "...", "id": "38373", "headline": "...", "hasPicture": true, "picture": "...",
   "authToken": "name:xxzy"}"#;
    let body = format!(
        r#"{{"invitations": {{"total": 1, "start": 0, "count": 20, "droppedCount": 0, "unseen": 0, "values": [
  {{"isCustomMessage": false, "read": false, "folder": "inbox", "tType": "invitation",
   "subject": "Invitation to connect on LinkedIn", "from": {from}, "id": "I60118598766633_500", "body": "...", "seen": true,
   "timestamp": 1433339090205}}]}},
"messages": {{"total": 44, "unread": 0, "start": 0, "count": 20, "droppedCount": 0, "unseen": 0, "values": [
  {{"read": true, "folder": "inbox", "tType": "message", "subject": "great to meet you last week",
   "from": {from}, "to": [{from}], "isMsgTypeInmail": false, "id": "I6043170444767420416_500",
   "body": "...", "seen": true, "timestamp": 1440804110685, "hasReplied": false}}]}}}}"#
    );
    let mailbox: Mailbox = serde_json::from_str(&body).unwrap();
    let invitations = &mailbox.invitations;
    assert_eq!(
        (invitations.total, invitations.start, invitations.count),
        (1, 0, 20)
    );
    assert_eq!(invitations.unseen, Some(0));
    assert_eq!(invitations.dropped_count, Some(0));
    assert_eq!(invitations.unread, None);
    let invitation = &invitations.items[0];
    assert_eq!(invitation.kind, MailboxItemKind::Invitation);
    assert_eq!(invitation.id, "I60118598766633_500");
    assert_eq!(invitation.is_custom_message, Some(false));
    assert_eq!(invitation.from.as_ref().unwrap().id, "38373");
    assert_eq!(invitation.timestamp, Some(1_433_339_090_205));
    assert!(invitation.seen && !invitation.read);

    let messages = &mailbox.messages;
    assert_eq!((messages.total, messages.unread), (44, Some(0)));
    let message = &messages.items[0];
    assert_eq!(message.kind, MailboxItemKind::Message);
    assert_eq!(
        message.subject.as_deref(),
        Some("great to meet you last week")
    );
    assert_eq!(message.is_inmail, Some(false));
    assert_eq!(message.has_replied, Some(false));
    assert_eq!(message.to.len(), 1);
}

#[test]
fn the_invented_shapes() {
    let recommendation: Recommendation = serde_json::from_str(
           r#"{"tType": "rec1", "text1": "Grace Hopper", "text2": "Director", "text3": "Grace worked with Ada at Example",
               "recommendationText": "Ada is great.", "link": {"id": "10420023", "type": "person"}}"#,
       )
       .unwrap();
    assert_eq!(recommendation.recommender, "Grace Hopper");
    assert_eq!(recommendation.text.as_deref(), Some("Ada is great."));
    assert_eq!(recommendation.member_id.as_deref(), Some("10420023"));

    let notifications: Notifications = serde_json::from_str(
           r#"{"total": 3, "start": 0, "count": 20, "values": [
               {"tType": "notif1", "type": "comment", "text1": "Grace commented on your post", "text2": "Nice",
                "timestamp": 5, "link": {"id": "10420023"}, "activityId": "7"},
               {"tType": "notif1", "type": "poke", "text1": "?"}]}"#,
       )
       .unwrap();
    assert_eq!(notifications.total, 3);
    assert_eq!(notifications.items[0].kind, NotificationKind::Comment);
    assert_eq!(notifications.items[0].actor_id.as_deref(), Some("10420023"));
    assert_eq!(notifications.items[0].activity_id.as_deref(), Some("7"));
    assert_eq!(
        notifications.items[1].kind,
        NotificationKind::Other("poke".into())
    );

    let views: ProfileViews = serde_json::from_str(
        r#"{"total": 1, "values": [{"tType": "wvmp1", "text1": "Grace Hopper", "distance": -1,
               "timestamp": 9, "link": {"id": "10420023"}}]}"#,
    )
    .unwrap();
    assert_eq!(views.viewers[0].distance, Some(-1));
    assert_eq!(views.viewers[0].member_id.as_deref(), Some("10420023"));
}
