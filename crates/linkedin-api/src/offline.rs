//! Reading answers without a client: what a stream or a method makes of one answer body
//! LinkedIn sent (recorded, saved, or served by a sandbox), by the same decoding and with the
//! same errors as over the network. The decoding benchmarks (`benches/decode.rs`) measure
//! these.
//!
//! ```
//! let body = br#"{"data":{"data":{"searchDashClustersByAll":{"elements":[],"paging":{"start":0,"count":49,"total":0}}}},"included":[]}"#;
//! let people = linkedin_api::offline::search_people_page(body)?;
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
