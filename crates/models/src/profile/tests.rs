#![allow(clippy::unwrap_used)]

use serde_json::json;

use super::sections::{current_month, duration_text};
use super::*;

#[test]
fn nulls_and_unknown_fields_are_tolerated() {
    let p: Profile = serde_json::from_value(json!({
        "entityUrn": "urn:li:fsd_profile:ACoAAB1",
        "objectUrn": "urn:li:member:42",
        "firstName": "Ada", "lastName": null,
        "phoneNumbers": null, "websites": null, "address": null,
        "geoLocation": {"geo": {"defaultLocalizedName": "London"}, "geoUrn": "urn:li:fsd_geo:1"},
        "tempStatus": "x", "pronounUnion": {"standardizedPronoun": "SHE_HER"},
    }))
    .unwrap();
    assert_eq!(p.profile_id(), Some("ACoAAB1"));
    assert_eq!(p.member_id(), Some(42));
    assert_eq!(p.last_name, "");
    assert_eq!(p.location(), Some("London"));
    assert_eq!(p.contact_info(), ContactInfo::default());
}

#[test]
fn contact_fields_are_gathered() {
    let p: Profile = serde_json::from_value(json!({
        "emailAddress": {"emailAddress": "ada@example.com"},
        "phoneNumbers": [{"phoneNumber": {"number": "+44 20 1234"}, "type": "MOBILE"}],
        "websites": [{"url": "https://ada.dev", "category": "PERSONAL"}],
        "twitterHandles": [{"name": "ada"}],
        "birthDateOn": {"month": 12, "day": 10},
    }))
    .unwrap();
    let c = p.contact_info();
    assert_eq!(c.email_address.as_deref(), Some("ada@example.com"));
    assert_eq!(c.phone_numbers[0].kind.as_deref(), Some("MOBILE"));
    let written = serde_json::to_value(&c).unwrap();
    assert_eq!(written["phone_numbers"][0]["kind"], "MOBILE");
    assert_eq!(
        written["phone_numbers"][0]["phone_number"]["number"],
        "+44 20 1234"
    );
    assert_eq!(written["birth_date"]["month"], 12);
    assert_eq!(c.websites[0].url, "https://ada.dev");
    assert_eq!(c.twitter_handles, ["ada"]);
    assert_eq!(c.birth_date.unwrap().month, Some(12));
}

fn position(title: &str, subtitle: Option<&str>, caption: &str, text: &str) -> serde_json::Value {
    json!({"components": {"entityComponent": {
        "titleV2": {"text": {"text": title}},
        "subtitle": subtitle.map(|s| json!({"text": s})),
        "caption": {"text": caption},
        "metadata": {"text": "Lyon, France"},
        "subComponents": {"components": [{"components": {"fixedListComponent": {"components": [
            {"components": {"textComponent": {"text": {"text": text}}}}
        ]}}}]},
    }}})
}

#[test]
fn experiences_are_read_with_groups_flattened() {
    let components: ProfileComponents = serde_json::from_value(json!({"elements": [{
        "entityUrn": "urn:li:fsd_profileCard:(ACoAAB1,EXPERIENCE,en_US)",
        "components": {"elements": [
            {"components": {"entityComponent": {
                "titleV2": {"text": {"text": "Northwind"}},
                "subtitle": {"text": "5 yrs"},
                "caption": {"text": "Lyon"},
                "subComponents": {"components": [{"components": {"pagedListComponent": {
                    "entityUrn": "urn:li:fsd_profilePositionGroup:(ACoAAB1,101)",
                    "components": {"elements": [
                        {"components": {"entityComponent": {
                            "titleV2": {"text": {"text": "Staff Engineer"}},
                            "subtitle": null,
                            "caption": {"text": "Apr 2023 - Present · 3 yrs 8 mos"},
                        }}},
                    ]},
                }}}]},
            }}},
            position("Engineer", Some("Acme · Full-time"), "Oct 2017 - Aug 2020 · 2 yrs 11 mos", "Built things."),
        ]},
    }]}))
    .unwrap();
    assert_eq!(components.item_count(), 2);
    let e = components.experiences();
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].title.as_deref(), Some("Staff Engineer"));
    assert_eq!(e[0].company_name.as_deref(), Some("Northwind"));
    assert_eq!(e[0].location_name.as_deref(), Some("Lyon"));
    assert!(e[0].is_current());
    assert_eq!(e[0].duration.as_deref(), Some("3 yrs 8 mos"));
    assert_eq!(e[1].company_name.as_deref(), Some("Acme"));
    assert_eq!(e[1].employment_type.as_deref(), Some("Full-time"));
    assert_eq!(e[1].start_date.as_deref(), Some("Oct 2017"));
    assert_eq!(e[1].end_date.as_deref(), Some("Aug 2020"));
    assert_eq!(e[1].description.as_deref(), Some("Built things."));
    assert_eq!(e[1].location_name.as_deref(), Some("Lyon, France"));
}

#[test]
fn profile_views_are_found_past_other_cards() {
    let cards: WvmpCards = serde_json::from_value(json!({"elements": [
        {"value": {"com.linkedin.voyager.identity.me.wvmpOverview.WvmpOtherCard": {}}},
        {"value": {"com.linkedin.voyager.identity.me.wvmpOverview.WvmpViewersCard": {"insightCards": [
            {"value": {"com.linkedin.voyager.identity.me.wvmpOverview.WvmpSummaryInsightCard": {"numViews": 57}}}
        ]}}},
    ]}))
    .unwrap();
    assert_eq!(cards.num_views(), Some(57));
    assert_eq!(WvmpCards::default().num_views(), None);
}

#[test]
fn position_groups_flatten_into_experiences_with_display_texts() {
    let sections: ProfileSections = serde_json::from_value(json!({
        "entityUrn": "urn:li:fsd_profile:ACoAAB1",
        "profilePositionGroups": {"elements": [
            {
                "companyName": "Northwind",
                "dateRange": {"start": {"year": 2015, "month": 1}},
                "profilePositionInPositionGroup": {"elements": [
                    {"title": "Staff Engineer", "locationName": "Lyon",
                     "employmentType": {"name": "Full-time"},
                     "dateRange": {"start": {"year": 2025, "month": 12}}},
                    {"title": "Engineer", "companyName": "Northwind ", "description": " Built. ",
                     "dateRange": {"start": {"year": 2020, "month": 1}, "end": {"year": 2021, "month": 12}}},
                    {"title": "Junior"},
                ]},
            },
            {
                "companyName": "Acme",
                "dateRange": {"start": {"year": 2013}, "end": {"year": 2014}},
                "profilePositionInPositionGroup": {"elements": [{"title": "Intern"}]},
            },
            {
                "companyName": "Broken",
                "dateRange": {"start": {"year": 2010, "month": 0}, "end": {"year": 2011, "month": 13}},
                "profilePositionInPositionGroup": {"elements": [{"title": "Odd dates"}]},
            },
        ]},
    }))
    .unwrap();
    let groups = &sections.profile_position_groups.unwrap().elements;
    assert_eq!(PositionGroup::item_count(groups), 5);
    let e = PositionGroup::experiences_as_of(groups, (2026, 1));
    assert_eq!(e.len(), 5);
    // Ongoing: Dec 2025 to Jan 2026, both months counted; the group's company.
    assert_eq!(e[0].company_name.as_deref(), Some("Northwind"));
    assert_eq!(e[0].employment_type.as_deref(), Some("Full-time"));
    assert_eq!(e[0].start_date.as_deref(), Some("Dec 2025"));
    assert_eq!(e[0].end_date.as_deref(), Some("Present"));
    assert_eq!(e[0].duration.as_deref(), Some("2 mos"));
    assert!(e[0].is_current());
    assert_eq!(e[1].duration.as_deref(), Some("2 yrs"));
    assert_eq!(e[1].end_date.as_deref(), Some("Dec 2021"));
    assert_eq!(e[1].company_name.as_deref(), Some("Northwind"));
    assert_eq!(e[1].description.as_deref(), Some("Built."));
    // Undated in a group of several: the group's span is not its own.
    assert_eq!(e[2].title.as_deref(), Some("Junior"));
    assert_eq!(
        (&e[2].start_date, &e[2].end_date, &e[2].duration),
        (&None, &None, &None)
    );
    assert!(!e[2].is_current());
    // The one position of a group takes the group's dates; years only: no duration.
    assert_eq!(e[3].start_date.as_deref(), Some("2013"));
    assert_eq!(e[3].end_date.as_deref(), Some("2014"));
    assert_eq!(e[3].duration, None);
    // Months out of range count as missing, in the texts and the duration alike.
    assert_eq!(e[4].start_date.as_deref(), Some("2010"));
    assert_eq!(e[4].end_date.as_deref(), Some("2011"));
    assert_eq!(e[4].duration, None);
}

#[test]
fn groups_whose_positions_do_not_read_still_count() {
    let groups: Vec<PositionGroup> = serde_json::from_value(json!([
        {"companyName": "X", "profilePositionInPositionGroup": null},
        {"companyName": "Y"},
    ]))
    .unwrap();
    assert!(PositionGroup::experiences_as_of(&groups, (2026, 1)).is_empty());
    assert_eq!(PositionGroup::item_count(&groups), 2);
}

#[test]
fn durations_count_months_inclusively() {
    let date = |year, month| Date {
        year: Some(year),
        month: Some(month),
        day: None,
    };
    let d = |a: Date, b: Date| duration_text(&a, Some(&b), (2000, 1)).unwrap();
    assert_eq!(d(date(2020, 3), date(2020, 3)), "1 mo");
    assert_eq!(d(date(2020, 1), date(2020, 12)), "1 yr");
    assert_eq!(d(date(2017, 10), date(2020, 8)), "2 yrs 11 mos");
    assert_eq!(d(date(2019, 1), date(2020, 1)), "1 yr 1 mo");
    // An end before the start (bad data) still counts one month.
    assert_eq!(d(date(2021, 5), date(2020, 1)), "1 mo");
    assert_eq!(
        duration_text(&date(2023, 4), None, (2026, 11)).unwrap(),
        "3 yrs 8 mos"
    );
}

#[test]
fn the_current_month_is_this_one() {
    let (year, month) = current_month();
    assert!(year >= 2026 && (1..=12).contains(&month), "{year}-{month}");
}
