//! The messaging web app's small signals, sent as the 2026 browser capture shows them: the
//! typing indicator (capture seq 119, 120), delivery acknowledgements (seq 85, 89) and
//! marking a conversation's latest messages seen (the acknowledgement, then the read of seq
//! 100), and the mailbox's unread counts (seq 61).
//!
//! The writes go through the account's governor like every request (pacing, the hourly
//! budget, the circuit breaker); they count against no daily budget (LinkedIn's web app sends
//! them by the dozen), and none is retried.

use linkedin_catalogue::endpoints;
use linkedin_models::id::ConversationId;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::Conversation;
use crate::client::Linkedin;
use crate::error::{Error, Result, not_found};
use crate::ids::IntoId;
use crate::messaging::ConversationFilter;
use crate::messaging::conversation_urn;
use crate::models::messaging::ConversationCategory;
use crate::models::{Raw, Text};
use crate::paginate::Pages;

/// The most messages one delivery acknowledgement names (the browser's name 2; inferred).
pub const DELIVERY_ACK_MAX: usize = 20;

/// The latest messages [`Linkedin::mark_seen`] looks at (the web app's page of messages).
const SEEN_LOOKS_AT: usize = 20;

/// How many unread conversations one mailbox category holds: an element of the counts
/// query's data root (catalogue `messenger_mailbox_counts`), read with the keys other clients
/// read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[non_exhaustive]
pub struct MailboxCount {
    /// The category (`INBOX`, `PRIMARY_INBOX`, `SECONDARY_INBOX` for message requests, ...).
    pub category: ConversationCategory,
    /// Conversations with unread messages.
    pub unread_conversation_count: u32,
    /// Of those, the ones with a message that came since the messaging badge was last cleared,
    /// when LinkedIn says.
    #[serde(default)]
    pub unseen_conversation_count: Option<u32>,
}

/// The banner over the inbox that points at message requests (the secondary inbox), as
/// `voyagerMessagingDashSecondaryInbox?q=previewBanner` gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[non_exhaustive]
pub struct RequestsBanner {
    /// Its URN (`urn:li:fsd_messagingSecondaryInboxPreviewBanner:…`), when it has one.
    #[serde(default)]
    pub entity_urn: Option<String>,
    /// What it says ("2 message requests").
    #[serde(default)]
    pub banner_text: Option<Text>,
    /// How many requests there are, when it says.
    #[serde(default)]
    pub conversation_count: Option<u32>,
    /// How many of them are unread, when it says.
    #[serde(default)]
    pub unread_conversation_count: Option<u32>,
}

/// Who saw which message of a conversation, and when: an element of the seen receipts
/// query's data root (catalogue `messenger_seen_receipts`), read with the keys of LinkedIn's
/// realtime seen receipts (peers.md §c.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SeenReceipt {
    /// The message seen (`urn:li:msg_message:(…)`), the latest that member saw.
    #[serde(deserialize_with = "entity_urn")]
    #[serde(rename(deserialize = "message"))]
    pub message_urn: String,
    /// Who saw it (`urn:li:fsd_profile:…`).
    #[serde(deserialize_with = "host_identity_urn")]
    #[serde(rename(deserialize = "seenByParticipant"))]
    pub profile_urn: String,
    /// When (ms since the epoch).
    #[serde(rename(deserialize = "seenAt"))]
    pub seen_at: Option<i64>,
}

/// `entityUrn` of an object.
fn entity_urn<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Entity {
        entity_urn: String,
    }
    Entity::deserialize(d).map(|e| e.entity_urn)
}

/// `hostIdentityUrn` of a messaging participant.
fn host_identity_urn<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Participant {
        host_identity_urn: String,
    }
    Participant::deserialize(d).map(|p| p.host_identity_urn)
}

/// What [`Linkedin::mark_seen`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Seen {
    /// The messages from others since the member's own last one, whose delivery was
    /// acknowledged, newest first (`urn:li:msg_message:(…)`); empty when the latest message
    /// is the member's own.
    pub acknowledged: Vec<String>,
    /// The latest message seen, when there is one.
    pub latest: Option<String>,
}

impl Linkedin {
    /// Shows a conversation's other members that the logged-in member is typing.
    ///
    /// Python: none
    ///
    /// As the web app sends it while one types (capture seq 119, 120): `POST
    /// voyagerMessagingDashMessengerConversations?action=typing` with the conversation's URN,
    /// answered 202. It reaches the others' realtime streams as
    /// [`Event::Typing`](crate::realtime::Event::Typing) and changes nothing a read shows; it lapses by itself,
    /// so the web app sends it again every few seconds of typing. Not retried, and a lost
    /// answer is not read back (there is nothing to read): its error says so
    /// ([`Error::may_have_been_sent`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad conversation (nothing sent), [`Error::NotFound`] for
    /// an unknown one, and transport errors.
    pub async fn send_typing(&self, conversation: impl IntoId<ConversationId>) -> Result<()> {
        let id = conversation.into_id("conversation")?;
        let urn = conversation_urn(self, &id).await?;
        let call = self
            .call(endpoints::CONVERSATION_TYPING)
            .body(json!({ "conversationUrn": urn }));
        self.send(call)
            .await
            .map(drop)
            .map_err(|e| not_found(e, || format!("conversation {}", id.thread())))
    }

    /// Acknowledges that messages reached the logged-in member (the web app's delivery acks).
    ///
    /// As the web app does for the messages it loads.
    ///
    /// Python: none
    ///
    /// `messages` are message URNs of the own mailbox or ids (`2-<base64>==`), 1 to
    /// [`DELIVERY_ACK_MAX`]. Sent as seq 85: `POST
    /// voyagerMessagingDashMessengerMessageDeliveryAcknowledgements?action=sendDeliveryAcknowledgement`
    /// with `messageUrns`, `clientId` `voyager-web`, `deliveryMechanism` `SYNC` (the messages
    /// were read, not pushed) and `clientConsumedAt` (now), answered 204. Not retried; a lost
    /// answer is given as its error (an acknowledgement changes nothing a read shows).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad or repeated message or a list of the wrong length
    /// (nothing sent), [`Error::NotFound`] for an unknown message, and transport errors.
    pub async fn acknowledge_delivery<I>(&self, messages: I) -> Result<()>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let me = self.my_profile_id().await?;
        let mut urns: Vec<String> = Vec::new();
        for m in messages {
            let urn = crate::message_actions::message_urn(m.as_ref(), &me)?;
            if urns.contains(&urn) {
                return Err(Error::InvalidInput {
                    field: "messages",
                    reason: format!("{urn} is given twice"),
                });
            }
            urns.push(urn);
        }
        if urns.is_empty() || urns.len() > DELIVERY_ACK_MAX {
            return Err(Error::InvalidInput {
                field: "messages",
                reason: format!("{} messages; give 1 to {DELIVERY_ACK_MAX}", urns.len()),
            });
        }
        let call = self.call(endpoints::MESSAGE_DELIVERY_ACK).body(json!({
            "messageUrns": urns,
            "clientId": "voyager-web",
            "deliveryMechanism": "SYNC",
            "clientConsumedAt": now_ms(),
        }));
        self.send(call)
            .await
            .map(drop)
            .map_err(|e| not_found(e, || "a message".to_owned()))
    }

    /// Marks a conversation's latest messages seen: the other members get a seen receipt.
    ///
    /// As the web app does when it opens a conversation.
    ///
    /// Python: none
    ///
    /// Reads the conversation's latest messages, acknowledges the delivery of those from
    /// others since the logged-in member's last one (at most [`DELIVERY_ACK_MAX`];
    /// [`acknowledge_delivery`](Self::acknowledge_delivery), capture seq 85), then
    /// marks the conversation read ([`mark_conversation_read`](Self::mark_conversation_read),
    /// seq 100), which is what the others see as [`Event::Seen`](crate::realtime::Event::Seen)
    /// of the latest message. (The capture records no separate "seen" write: the web app's
    /// seen receipts are reads, seq 86 and 92.) A conversation whose latest message is the
    /// member's own is only marked read. Neither write is retried; a lost answer of the read is
    /// read back as [`mark_conversation_read`](Self::mark_conversation_read) does.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad conversation (nothing sent), [`Error::NotFound`] for
    /// an unknown one, [`Error::NotSent`] and [`Error::OutcomeUnknown`] after a lost answer,
    /// and transport errors.
    pub async fn mark_seen(&self, conversation: impl IntoId<ConversationId>) -> Result<Seen> {
        use futures::TryStreamExt as _;
        let id = conversation.into_id("conversation")?;
        conversation_urn(self, &id).await?;
        let latest: Vec<_> = self
            .conversation_messages(id.clone())
            .limit(SEEN_LOOKS_AT)
            .try_collect()
            .await?;
        let acknowledged: Vec<String> = latest
            .iter()
            .take_while(|m| !m.from_me)
            .take(DELIVERY_ACK_MAX)
            .map(|m| m.urn.clone())
            .collect();
        if !acknowledged.is_empty() {
            self.acknowledge_delivery(&acknowledged).await?;
        }
        self.mark_conversation_read(id).await?;
        Ok(Seen {
            latest: acknowledged.first().cloned(),
            acknowledged,
        })
    }

    /// Clears the messaging badge: every message so far counts as seen.
    ///
    /// Python: none
    ///
    /// As the web app does when the messaging page opens (capture seq 67: `POST
    /// voyagerMessagingDashMessagingBadge?action=markAllMessagesAsSeen` with `{"until": <now,
    /// ms>}`, answered 200). It marks no conversation read: it is what
    /// [`MailboxCount::unseen_conversation_count`] counts from. Not retried; a lost answer is
    /// settled by sending it once more (clearing the badge twice up to the same time changes
    /// nothing more), and that failing too is [`Error::OutcomeUnknown`].
    ///
    /// # Errors
    ///
    /// [`Error::OutcomeUnknown`] (above), and transport errors.
    pub async fn mark_all_seen(&self) -> Result<()> {
        let until = now_ms();
        let send = || {
            self.send(
                self.call(endpoints::MESSAGING_BADGE_MARK_ALL_SEEN)
                    .body(json!({ "until": until })),
            )
        };
        match send().await {
            Ok(_) => Ok(()),
            Err(e) if e.may_have_been_sent() => {
                let again = async { send().await.map(|_| Some(())) };
                crate::settle::Unsettled {
                    what: "clearing the messaging badge".to_owned(),
                    absent: "it was not cleared".to_owned(),
                    look: "run it again (`linkedin messages seen --all`)".to_owned(),
                }
                .settle(e, again)
                .await
            }
            Err(e) => Err(e),
        }
    }

    /// Who has seen what in a conversation: one receipt per member, the latest message they saw.
    ///
    /// Python: none
    ///
    /// The web app's seen receipts query, as it reads it when a conversation opens (capture
    /// seq 86, 92: by `conversationUrn`; the answer is not recorded, and the receipts' keys
    /// are those of LinkedIn's realtime seen receipts, peers.md §c.6).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad conversation (nothing sent), [`Error::NotFound`] for
    /// an unknown one, transport errors, and [`Error::Decode`] for an answer that does not read.
    pub async fn seen_receipts(
        &self,
        conversation: impl IntoId<ConversationId>,
    ) -> Result<Vec<Raw<SeenReceipt>>> {
        let id = conversation.into_id("conversation")?;
        let urn = conversation_urn(self, &id).await?;
        let call = self
            .call(endpoints::MESSENGER_SEEN_RECEIPTS)
            .var("conversationUrn", urn.as_str());
        let pointer = format!(
            "{}/elements",
            endpoints::MESSENGER_SEEN_RECEIPTS.data_pointer()
        );
        self.fetch_at(call, &pointer)
            .await
            .map_err(|e| not_found(e, || format!("conversation {}", id.thread())))
    }

    /// The logged-in member's unread conversations, counted per mailbox category.
    ///
    /// The numbers on LinkedIn's messaging tab.
    ///
    /// Python: none
    ///
    /// The web app's `messengerMailboxCounts` query (capture seq 61, whose answer is not
    /// recorded: the data root and the two keys read, `category` and
    /// `unreadConversationCount`, are those other clients read; `unseenConversationCount` is
    /// read when present).
    ///
    /// # Errors
    ///
    /// Transport errors, and [`Error::Decode`] for an answer that does not read.
    pub async fn mailbox_counts(&self) -> Result<Vec<Raw<MailboxCount>>> {
        let me = self.my_profile_urn().await?;
        let call = self
            .call(endpoints::MESSENGER_MAILBOX_COUNTS)
            .var("mailboxUrn", me.as_str());
        let pointer = format!(
            "{}/elements",
            endpoints::MESSENGER_MAILBOX_COUNTS.data_pointer()
        );
        self.fetch_at(call, &pointer).await
    }
}

impl Linkedin {
    /// Message requests: the conversations of the secondary inbox, newest first.
    ///
    /// Python: none
    ///
    /// The conversations LinkedIn files under `SECONDARY_INBOX` (first messages from members
    /// one is not connected to), read as [`conversations`](Self::conversations) reads the
    /// inbox. Accepting or declining one is not offered: no recording nor public client shows
    /// how the web app does it (answering one moves it to the inbox).
    pub fn message_requests(&self) -> Pages<Raw<Conversation>> {
        self.conversations(
            ConversationFilter::inbox().categories([ConversationCategory::SecondaryInbox]),
        )
    }

    /// The banner over the inbox that points at message requests, when there are some.
    ///
    /// Python: none
    ///
    /// The web app's `GET voyagerMessagingDashSecondaryInbox?q=previewBanner` (capture seq 77,
    /// whose recorded answer is an empty collection: no requests, no banner). The banner's
    /// keys are inferred (none is recorded), every one optional.
    ///
    /// # Errors
    ///
    /// Transport errors, and [`Error::Decode`] for an answer that does not read.
    pub async fn message_requests_banner(&self) -> Result<Option<Raw<RequestsBanner>>> {
        let call = self.call(endpoints::MESSAGING_SECONDARY_INBOX_BANNER);
        let banners: Vec<Raw<RequestsBanner>> = self.fetch_at(call, "/elements").await?;
        Ok(banners.into_iter().next())
    }
}

/// Now, in ms since the epoch.
fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
