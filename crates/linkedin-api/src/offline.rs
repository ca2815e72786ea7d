//! Reading answers without a client: what a stream or a method makes of one answer body
//! LinkedIn sent (recorded, saved, or served by a sandbox), by the same decoding and with the
//! same errors as over the network. The decoding benchmarks (`benches/decode.rs`) measure
//! these.
//!
//! ```
//! let root = linkedin_api::catalogue::endpoints::SEARCH_CLUSTERS.data_root.unwrap();
//! let body = format!(
//!     r#"{{"data":{{"data":{{"{root}":{{"elements":[],"paging":{{"start":0,"count":49,"total":0}}}}}}}},"included":[]}}"#
//! );
//! let people = linkedin_api::offline::search_people_page(body.as_bytes())?;
//! assert!(people.is_empty());
//! # Ok::<(), linkedin_api::Error>(())
//! ```

use linkedin_catalogue::endpoints;
use linkedin_models::Raw;
use linkedin_models::id::ProfileId;
use linkedin_models::profile::FullProfile;

use bytes::Bytes;

use crate::client::answer;
use crate::driver::recognised;
use crate::error::{Error, Result};
use crate::view::{Conversation, Message, PersonResult};

/// The people of one page of a people search (an answer of catalogue `search_clusters`), as
/// [`Linkedin::search_people`](crate::Linkedin::search_people) reads them, private profiles
/// included.
///
/// # Errors
///
/// [`Error::Decode`] when the body is not such an answer; [`Error::SchemaMoved`] when it has
/// results of which none reads.
pub fn search_people_page(body: &[u8]) -> Result<Vec<Raw<PersonResult>>> {
    let endpoint = endpoints::SEARCH_CLUSTERS;
    let body = Bytes::copy_from_slice(body);
    let answer = answer(endpoint, &body)?;
    let read = crate::search::read_clusters(endpoint, &answer, crate::search::person)?;
    recognised(endpoint, read.total, read.elements, read.items)
}

/// The conversations of one answer of the inbox's first sync (catalogue
/// `messenger_conversations_sync`), as [`Linkedin::conversations`](crate::Linkedin::conversations)
/// reads them for the mailbox of `me`.
///
/// # Errors
///
/// As [`search_people_page`].
pub fn conversations_page(body: &[u8], me: &ProfileId) -> Result<Vec<Raw<Conversation>>> {
    let endpoint = endpoints::MESSENGER_CONVERSATIONS_SYNC;
    let body = Bytes::copy_from_slice(body);
    let answer = answer(endpoint, &body)?;
    let (read, _) =
        crate::messaging::messenger_read(endpoint, &answer, me, Conversation::from_conversation)?;
    recognised(endpoint, read.total, read.elements, read.items)
}

/// The messages of one answer of a conversation's latest messages (catalogue
/// `messenger_messages`), as [`Linkedin::conversation_messages`](crate::Linkedin::conversation_messages) reads them
/// for the mailbox of `me`.
///
/// # Errors
///
/// As [`search_people_page`].
pub fn messages_page(body: &[u8], me: &ProfileId) -> Result<Vec<Raw<Message>>> {
    let endpoint = endpoints::MESSENGER_MESSAGES;
    let body = Bytes::copy_from_slice(body);
    let answer = answer(endpoint, &body)?;
    let (read, _) = crate::messaging::messenger_read(endpoint, &answer, me, Message::from_message)?;
    recognised(endpoint, read.total, read.elements, read.items)
}

/// A full profile from one answer of catalogue `profile_with_sections`, as
/// [`Linkedin::full_profile`](crate::Linkedin::full_profile) reads it.
///
/// # Errors
///
/// [`Error::NotFound`] when the answer holds no profile; as
/// [`ProfileSections::into_full`](crate::ProfileSections::into_full) otherwise.
pub fn full_profile(body: &[u8]) -> Result<FullProfile> {
    crate::ProfileSections::from_body(Bytes::copy_from_slice(body))?
        .ok_or_else(|| Error::NotFound {
            what: "the answer's profile".to_owned(),
        })?
        .into_full()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::Value;

    use super::*;

    fn fixture(path: &str) -> Value {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/");
        serde_json::from_slice(&std::fs::read(format!("{dir}{path}")).unwrap()).unwrap()
    }

    /// LinkedIn's recorded latest messages (seq 70), as its body.
    fn thread() -> Value {
        fixture("recorded/070-messengerMessages.json")["response_body"].take()
    }

    fn me() -> ProfileId {
        ProfileId::parse("ACoAAODgoRXLcjj1SBNwpgt3QrZQRz9ZmEsVI37").unwrap()
    }

    fn decode_error(result: Result<impl std::fmt::Debug>) -> linkedin_models::DecodeError {
        match result {
            Err(Error::Decode { source, .. }) => source,
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn an_element_that_does_not_read_fails_its_page_with_its_path() {
        let mut body = thread();
        let elements = &format!("{}/elements", endpoints::MESSENGER_MESSAGES.data_pointer());
        let n = body.pointer(elements).unwrap().as_array().unwrap().len();
        assert_eq!(
            messages_page(body.to_string().as_bytes(), &me())
                .unwrap()
                .len(),
            n
        );
        body.pointer_mut(elements).unwrap()[1]["deliveredAt"] = Value::from("soon");
        let err = decode_error(messages_page(body.to_string().as_bytes(), &me()));
        assert_eq!(err.path, format!("{elements}[1].deliveredAt"), "{err}");
        assert!(err.reason.contains("expected i64"), "{err}");
        assert!(err.excerpt.chars().count() <= 161);
        assert!(!err.to_string().contains('\n'));
    }

    #[test]
    fn a_null_required_field_is_an_error_and_a_missing_optional_one_none() {
        let mut body = thread();
        let elements = &format!("{}/elements", endpoints::MESSENGER_MESSAGES.data_pointer());
        body.pointer_mut(elements).unwrap()[0]["entityUrn"] = Value::Null;
        let err = decode_error(messages_page(body.to_string().as_bytes(), &me()));
        assert_eq!(err.path, format!("{elements}[0].entityUrn"), "{err}");
        assert!(err.reason.contains("invalid type: null"), "{err}");

        let mut body = thread();
        let first = &mut body.pointer_mut(elements).unwrap()[0];
        first.as_object_mut().unwrap().remove("entityUrn");
        let err = decode_error(messages_page(body.to_string().as_bytes(), &me()));
        assert!(err.reason.contains("missing field `entityUrn`"), "{err}");

        let mut body = thread();
        let first = &mut body.pointer_mut(elements).unwrap()[0];
        first.as_object_mut().unwrap().remove("deliveredAt");
        let messages = messages_page(body.to_string().as_bytes(), &me()).unwrap();
        assert_eq!(messages[0].delivered_at, None);
    }

    #[test]
    fn an_unresolved_reference_is_an_error_naming_it() {
        let mut body = fixture("bench/search_people_49.json");
        assert_eq!(
            search_people_page(body.to_string().as_bytes())
                .unwrap()
                .len(),
            49
        );
        let included = body["included"].as_array_mut().unwrap();
        let at = included
            .iter()
            .position(|e| {
                e["entityUrn"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("urn:li:fsd_entityResultViewModel:"))
            })
            .unwrap();
        let gone = included.remove(at)["entityUrn"]
            .as_str()
            .unwrap()
            .to_owned();
        let err = decode_error(search_people_page(body.to_string().as_bytes()));
        assert!(err.reason.contains(&gone), "{err}");
        assert!(err.reason.contains("does not include"), "{err}");
        assert!(err.path.contains("entityResult"), "{err}");
    }

    #[test]
    fn an_answer_without_elements_is_a_decode_error_not_nobody() {
        for body in ["true", "null", "{}", r#"{"data": {}, "included": []}"#] {
            decode_error(full_profile(body.as_bytes()));
        }
        let nobody = full_profile(br#"{"data": {"*elements": []}, "included": []}"#);
        assert!(matches!(nobody, Err(Error::NotFound { .. })), "{nobody:?}");
    }
}
