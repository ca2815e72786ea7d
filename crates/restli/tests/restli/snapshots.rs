//! Snapshots of the Rest.li text of realistic Voyager requests: what the client will put on
//! the wire, reviewable as one diff whenever the encoder changes.

use restli::{Encoding, Map, Profile, Query, Value};
use serde::Serialize;

const ME: &str = "urn:li:fsd_profile:ACoAABMCK14BZYQEFee5Ir7zBXRulzkHn_aCgio";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SearchVariables<'a> {
    start: u32,
    origin: &'a str,
    query: SearchQuery<'a>,
    count: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SearchQuery<'a> {
    keywords: &'a str,
    flagship_search_intent: &'a str,
    query_parameters: Vec<Parameter<'a>>,
    include_filters_in_response: bool,
}

#[derive(Serialize)]
struct Parameter<'a> {
    key: &'a str,
    value: Vec<&'a str>,
}

/// A people search whose keywords hold every character that breaks naive clients.
#[test]
fn people_search_variables() {
    let vars = SearchVariables {
        start: 0,
        origin: "FACETED_SEARCH",
        query: SearchQuery {
            keywords: "C++ & C#, (senior) 'staff' engineer: 100% remote #rust +go = café/日本",
            flagship_search_intent: "SEARCH_SRP",
            query_parameters: vec![
                Parameter {
                    key: "resultType",
                    value: vec!["PEOPLE"],
                },
                Parameter {
                    key: "network",
                    value: vec!["F", "S"],
                },
                Parameter {
                    key: "geoUrn",
                    value: vec!["103644278", "101165590"],
                },
                Parameter {
                    key: "currentCompany",
                    value: vec!["1441"],
                },
            ],
            include_filters_in_response: false,
        },
        count: 49,
    };
    let mut q = Query::new();
    q.push("includeWebMetadata", true);
    q.push("variables", restli::to_value(&vars).unwrap());
    q.push(
        "queryId",
        "voyagerExampleSearch.fedcba9876543210fedcba9876543210",
    );
    insta::assert_snapshot!(q.to_string());
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConversationsVariables<'a> {
    query: ConversationsQuery,
    count: u32,
    mailbox_urn: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_cursor: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConversationsQuery {
    predicate_unions: Vec<Predicate>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum Predicate {
    ConversationCategoryPredicate { category: &'static str },
    ReadPredicate { read: bool },
}

/// Unread primary-inbox conversations, first page and a cursor page: the union members are
/// one-key maps, and an absent cursor is left out.
#[test]
fn messaging_conversations_variables() {
    let mut vars = ConversationsVariables {
        query: ConversationsQuery {
            predicate_unions: vec![
                Predicate::ConversationCategoryPredicate {
                    category: "PRIMARY_INBOX",
                },
                Predicate::ReadPredicate { read: false },
            ],
        },
        count: 20,
        mailbox_urn: ME,
        next_cursor: None,
    };
    let first = restli::to_string(&vars).unwrap();
    vars.next_cursor = Some("MTc3MDI0MzA1NDM2MHw0Mg==");
    let next = restli::to_string(&vars).unwrap();
    insta::assert_snapshot!(format!("variables={first}\nvariables={next}"));
}

/// A thread's messages and the mark-read batch update: a tuple URN as a leaf, in a list.
#[test]
fn conversation_ids_and_messages() {
    let conversation = format!(
        "urn:li:msg_conversation:({ME},2-NWFlNWVlZTQtMTY3Ni00NWY3LThhOTItOTc0ZDg3ZTU3OGM0XzEwMA==)"
    );
    let mut messages = Map::new();
    messages.insert("conversationUrn", conversation.as_str());
    messages.insert("countBefore", 20);
    messages.insert("deliveredAt", 1_770_243_054_360u64);
    let mut q = Query::new();
    q.push("ids", Value::list([conversation.as_str()]));
    let mut out = format!("ids: {q}\n");
    out += &format!("messages: variables={}\n", Value::from(messages));
    out += &format!(
        "path key: {}\n",
        restli::encode_str(&conversation, Encoding::PATH)
    );
    out += &format!(
        "body key (reduced): {}\n",
        restli::encode_str(&conversation, Encoding::REDUCED)
    );
    insta::assert_snapshot!(out);
}

/// Batch-get of profiles and a compound key, in both profiles.
#[test]
fn batch_ids_in_both_profiles() {
    let ids: Vec<String> = (1..=3)
        .map(|n| format!("urn:li:fsd_profile:ACoAA{n}xyz"))
        .collect();
    let compound: Value =
        serde_json::from_str(r#"{"member":"urn:li:member:123","account":"urn:li:account:456"}"#)
            .unwrap();
    let java = Encoding::QUERY.with_profile(Profile::RestliJava);
    let out = format!(
        "voyager ids=List: {}\njava ids=List: {}\nvoyager compound path key: {}\njava compound path key: {}\n",
        Value::list(ids.clone()).encode(Encoding::QUERY),
        Value::list(ids).encode(java),
        compound.encode(Encoding::PATH),
        compound.encode(Encoding::PATH.with_profile(Profile::RestliJava)),
    );
    insta::assert_snapshot!(out);
}

/// A connection request with a custom message in non-ASCII, escaped once.
#[test]
fn invitation_with_message() {
    let v: Value = serde_json::from_str(&format!(
        r#"{{"invitee":{{"inviteeUnion":{{"memberProfile":"{ME}"}}}},"customMessage":"Hi Anna — we met at RustConf (Montréal), let's connect! 😊"}}"#
    ))
    .unwrap();
    insta::assert_snapshot!(v.to_string());
}
