//! Messaging: the logged-in member's conversations and their messages, sending (a reply or a
//! new conversation), and marking conversations read or unread.
//!
//! Everything goes through LinkedIn's current messenger: the messaging GraphQL reads
//! (`messengerConversations`, `messengerMessages`) and the messenger actions
//! (`voyagerMessagingDashMessengerMessages?action=createMessage`, the conversations batch
//! update). The legacy `/messaging/conversations` endpoints the Python client 2.3.1 used are
//! broken for accounts moved to the new messenger (sends answer 500), so no method uses them.
//!
//! The mailbox is always the logged-in member's (`urn:li:fsd_profile:<own id>`): no method asks
//! for it. Conversations may be named by their `urn:li:msg_conversation:(…)` URN, their
//! `urn:li:messagingThread:` URN or their bare thread id (`2-<base64>==`).

use futures::TryStreamExt;
use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_models::id::{ConversationId, ProfileId};
use linkedin_models::messaging::{self as m, ConversationCategory};
use linkedin_models::{Answer, Raw};
use serde_json::{Value, json};

use crate::client::{Call, Linkedin, decode};
use crate::driver::{PageSource, Read};
use crate::error::{Error, Result, not_found};
use crate::ids::IntoId;
use crate::paginate::{Pages, Position};
use crate::settle::{Unsettled, holds_origin_token};
use crate::validate;
use crate::view::{Conversation, Message};

/// How many of a conversation's latest messages a read-back looks through.
pub(crate) const READ_BACK_MESSAGES: usize = 20;

/// How many of the inbox's latest conversations a read-back looks through.
const READ_BACK_CONVERSATIONS: usize = 20;

/// Which conversations [`Linkedin::conversations`] lists: mailbox categories, read or unread,
/// only with 1st-degree connections, and matching keywords. (The page size is the stream's:
/// [`Pages::page_size`].)
///
/// ```
/// use linkedin_api::{ConversationCategory, ConversationFilter};
///
/// // Unread conversations of the whole inbox.
/// let filter = ConversationFilter::inbox()
///     .categories([ConversationCategory::Inbox])
///     .unread();
/// # let _ = filter;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct ConversationFilter {
    categories: Vec<ConversationCategory>,
    read: Option<bool>,
    first_degree_only: bool,
    keywords: Option<String>,
}

impl Default for ConversationFilter {
    fn default() -> Self {
        Self::inbox()
    }
}

impl ConversationFilter {
    /// The primary inbox (what LinkedIn's messaging page opens on), read and unread.
    pub fn inbox() -> Self {
        Self {
            categories: vec![ConversationCategory::PrimaryInbox],
            read: None,
            first_degree_only: false,
            keywords: None,
        }
    }

    /// Conversations in any of these categories (instead of the primary inbox).
    pub fn categories(
        mut self,
        categories: impl IntoIterator<Item = ConversationCategory>,
    ) -> Self {
        self.categories = categories.into_iter().collect();
        self
    }

    /// Only conversations with unread messages.
    pub fn unread(mut self) -> Self {
        self.read = Some(false);
        self
    }

    /// Only conversations without unread messages.
    pub fn read(mut self) -> Self {
        self.read = Some(true);
        self
    }

    /// Only conversations whose participants are all 1st-degree connections.
    pub fn first_degree_only(mut self) -> Self {
        self.first_degree_only = true;
        self
    }

    /// Only conversations whose participants' names or messages contain these words (as the
    /// search box of LinkedIn's messaging page).
    pub fn keywords(mut self, keywords: impl Into<String>) -> Self {
        self.keywords = Some(keywords.into());
        self
    }

    /// The filter, checked.
    fn check(&self) -> Result<()> {
        let bad = |field, reason: String| Err(Error::InvalidInput { field, reason });
        if self.categories.is_empty() || self.categories.len() > 10 {
            return bad(
                "categories",
                "give 1 to 10 categories, e.g. ConversationCategory::PrimaryInbox".to_owned(),
            );
        }
        for c in &self.categories {
            let name = c.as_str();
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
                return bad(
                    "categories",
                    format!("{name:?} is not a category name (upper-case letters and '_')"),
                );
            }
        }
        if let Some(k) = &self.keywords {
            validate::text("keywords", k, validate::KEYWORDS_MAX)?;
        }
        Ok(())
    }
}

impl Linkedin {
    /// The logged-in member's conversations, most recently active first, page by page.
    ///
    /// Python: `get_conversations`, `get_conversations_v2`, `get_conversations_v3`
    ///
    /// The filter picks categories (the primary inbox by default), read or unread, 1st-degree
    /// connections only and keywords. Each conversation carries its participants with their
    /// names, its last message (its sender named from the participants: LinkedIn's `sender`
    /// carries ids only) and its unread count.
    ///
    /// The plain inbox ([`ConversationFilter::inbox`]) is read as the web app reads it: the
    /// first sync (catalogue `messenger_conversations_sync`, the browser's request recorded
    /// at seq 51, the 20 most recent conversations), then pages of the conversations last
    /// active before the oldest one seen (`messenger_conversations_backfill`). Any other
    /// filter asks the search query (`messenger_conversations_search`), page by cursor.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use linkedin_api::ConversationFilter;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let mut unread = linkedin.conversations(ConversationFilter::inbox().unread()).limit(50);
    /// while let Some(c) = unread.try_next().await? {
    ///     let last = c.last_message.as_ref().map_or("", |m| m.text.as_str());
    ///     println!("{} unread in {}: {last}", c.unread_count, c.thread_id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::InvalidInput`] for a bad filter (before anything is sent),
    /// [`Error::SchemaMoved`] when a page has conversations none of which can be read, and
    /// transport errors.
    pub fn conversations(&self, filter: ConversationFilter) -> Pages<Raw<Conversation>> {
        if filter == ConversationFilter::inbox() {
            // What the web app sends for its inbox: the sync (recorded at seq 51), then the
            // pages before the oldest conversation seen.
            return Pages::driven(
                self,
                endpoints::MESSENGER_CONVERSATIONS_BACKFILL,
                Position::Anchor(None),
                Inbox,
            );
        }
        match filter.check() {
            Ok(()) => Pages::driven(
                self,
                endpoints::MESSENGER_CONVERSATIONS_SEARCH,
                Position::Cursor(None),
                Conversations { filter },
            ),
            Err(e) => Pages::failed(e),
        }
    }

    /// The 1:1 conversation with a member, if there is one.
    ///
    /// Python: `get_conversation_details`
    ///
    /// `profile` is the member's [`ProfileId`] or its text. The mailbox (inbox, archive and
    /// spam) is walked newest first until the conversation is found, so this costs one
    /// request per 25 conversations before it.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad profile id (nothing sent), and as
    /// [`conversations`](Self::conversations).
    pub async fn conversation_with(
        &self,
        profile: impl IntoId<ProfileId>,
    ) -> Result<Option<Raw<Conversation>>> {
        let id = profile.into_id("profile")?;
        let filter = ConversationFilter::inbox().categories([
            ConversationCategory::Inbox,
            ConversationCategory::Archive,
            ConversationCategory::Spam,
        ]);
        let mut all = self.conversations(filter);
        while let Some(c) = all.try_next().await? {
            let only = match c.participants.as_slice() {
                [p] => p.profile_id.as_ref() == Some(&id),
                _ => false,
            };
            if only && !c.group_chat {
                return Ok(Some(c));
            }
        }
        Ok(None)
    }

    /// The messages of a conversation, newest first, page by page back in time.
    ///
    /// Python: `get_conversation`, `get_thread_v2`
    ///
    /// The latest page comes first, then pages anchored at the delivery time of the oldest
    /// message seen, until LinkedIn says the first message was reached.
    ///
    /// `conversation` is a [`Conversation::urn`], or text: a conversation URN, a
    /// `urn:li:messagingThread:` URN or a thread id (`2-<base64>==`).
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin, urn: &str) -> linkedin_api::Result<()> {
    /// let last_100: Vec<_> = linkedin.conversation_messages(urn).limit(100).try_collect().await?;
    /// for m in last_100.iter().rev() {
    ///     println!("{}: {}", m.sender.as_ref().map_or("?", |s| s.first_name.as_str()), m.text);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::InvalidInput`] for a malformed conversation or one of another
    /// mailbox (nothing sent), [`Error::NotFound`] for an unknown one, [`Error::SchemaMoved`]
    /// when a page has messages none of which can be read, and transport errors.
    pub fn conversation_messages(
        &self,
        conversation: impl IntoId<ConversationId>,
    ) -> Pages<Raw<Message>> {
        match conversation.into_id("conversation") {
            Ok(conversation) => Pages::driven(
                self,
                endpoints::MESSENGER_MESSAGES_BEFORE,
                // LinkedIn picks the page size of messages; the entries take no count.
                Position::Anchor(None),
                Messages { conversation },
            ),
            Err(e) => Pages::failed(e),
        }
    }

    /// Sends a message in a conversation and gives it as LinkedIn stored it.
    ///
    /// Python: `send_message` (with `conversation_urn_id`), `send_message_v2`
    ///
    /// The text must not be empty and has at most [`validate::MESSAGE_TEXT_MAX`] characters.
    /// The request carries the client-generated values the web app sends: `originToken`, a
    /// fresh UUID v4 (LinkedIn echoes it on the stored message), and `trackingId`, 16 random
    /// bytes as characters; `dedupeByClientGeneratedToken` is `false`, as in the browser.
    /// A send is never retried, so a message is never sent twice. When its outcome is not
    /// known (the connection broke after the message left, a timeout, a server error), the
    /// conversation's latest messages are read back and searched for the send's
    /// `originToken`: found, the stored message is returned as if the answer had arrived;
    /// not found, [`Error::NotSent`] says it was not sent (sending again is safe); the read
    /// failing too, [`Error::OutcomeUnknown`] says what to look at.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin, urn: &str) -> linkedin_api::Result<()> {
    /// let sent = linkedin.send_message(urn, "Thanks, talk on Thursday!").await?;
    /// println!("sent at {:?}", sent.delivered_at);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an empty or too long text or a bad conversation (nothing
    /// sent), [`Error::NotFound`] for an unknown conversation, [`Error::NotSent`] and
    /// [`Error::OutcomeUnknown`] after a cut (above), and transport errors.
    pub async fn send_message(
        &self,
        conversation: impl IntoId<ConversationId>,
        text: &str,
    ) -> Result<Raw<Message>> {
        self.send_message_with_attachments(conversation, text, &[])
            .await
    }

    /// Sends a message with files attached to an existing conversation.
    ///
    /// Python: none
    ///
    /// Each file ([`NewAttachment`](crate::NewAttachment), checked when made) is uploaded
    /// first ([`upload_attachment`](Self::upload_attachment)), then the message is sent as
    /// [`send_message`](Self::send_message) sends one, the files in its
    /// `renderContentUnions` as `{file: {assetUrn, byteSize, mediaType, name, url}}` with the
    /// `blob:` URL the web app sends (public code validated this in August 2026; catalogue
    /// `message_create`). With files the text may be empty (as the web app sends a file
    /// alone; inferred). The conversation is looked up before anything is uploaded; the
    /// message is never sent twice, and a lost answer is read back as a message's is (an
    /// uploaded file no message refers to is left unused).
    ///
    /// ```no_run
    /// use linkedin_api::NewAttachment;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin, urn: &str) -> linkedin_api::Result<()> {
    /// let minutes = NewAttachment::from_path("minutes.pdf")?;
    /// let sent = linkedin
    ///     .send_message_with_attachments(urn, "The minutes, as promised.", &[minutes])
    ///     .await?;
    /// println!("{} file(s) sent", sent.attachments.len());
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`send_message`](Self::send_message); an upload's errors
    /// ([`upload_attachment`](Self::upload_attachment)) before the message is sent.
    pub async fn send_message_with_attachments(
        &self,
        conversation: impl IntoId<ConversationId>,
        text: &str,
        files: &[crate::NewAttachment],
    ) -> Result<Raw<Message>> {
        let text = if files.is_empty() || !text.is_empty() {
            validate::text("text", text, validate::MESSAGE_TEXT_MAX)?
        } else {
            text
        };
        if files.len() > ATTACHMENTS_MAX {
            return Err(Error::InvalidInput {
                field: "attachment",
                reason: format!("at most {ATTACHMENTS_MAX} files go with one message"),
            });
        }
        let id = conversation.into_id("conversation")?;
        let urn = conversation_urn(self, &id).await?;
        let mut render = Vec::with_capacity(files.len());
        for file in files {
            let asset = self.upload_attachment(file).await?;
            render.push(json!({"file": {
                "assetUrn": asset,
                "byteSize": file.len(),
                "mediaType": file.media_type(),
                "name": file.name(),
                "url": format!("blob:https://www.linkedin.com/{}", origin_token()),
            }}));
        }
        let token = origin_token();
        match create_message(self, text, render, Target::Conversation(urn), &token).await {
            Ok(message) => Ok(message),
            Err(e) if e.may_have_been_sent() => self.read_back(&id, &token, e).await,
            Err(e) => Err(not_found(e, || format!("conversation {}", id.thread()))),
        }
    }

    /// After a send whose outcome is not known (`cause`): the conversation's latest messages,
    /// looked through for the send's `originToken`, which LinkedIn keeps on the stored
    /// message (see [`Unsettled`]).
    async fn read_back(
        &self,
        id: &ConversationId,
        token: &str,
        cause: Error,
    ) -> Result<Raw<Message>> {
        Unsettled {
            what: format!("the message to conversation {}", id.thread()),
            absent: format!(
                "its originToken is not among the conversation's latest {READ_BACK_MESSAGES} messages"
            ),
            look: format!(
                "look at the conversation's latest messages (`linkedin messages show {}`)",
                id.thread()
            ),
        }
        .settle(cause, self.message_by_token(id, token))
        .await
    }

    /// The message of `conversation` sent with `token`, among its latest ones.
    async fn message_by_token(
        &self,
        conversation: &ConversationId,
        token: &str,
    ) -> Result<Option<Raw<Message>>> {
        self.conversation_messages(conversation.clone())
            .limit(READ_BACK_MESSAGES)
            .find(|m| m.raw().get("originToken").and_then(Value::as_str) == Some(token))
            .await
    }

    /// After a first message whose outcome is not known: the latest conversations of the
    /// inbox, looked through for one holding the message's `originToken` (a new conversation
    /// comes first, as does an existing one that just got a message); then the message itself
    /// from that conversation.
    async fn read_back_start(&self, token: &str, cause: Error) -> Result<Raw<Message>> {
        let check = async {
            // The whole inbox: a conversation with a member not connected may sit in its
            // "Other" tab (SECONDARY_INBOX), not the primary one.
            let found = self
                .conversations(
                    ConversationFilter::inbox().categories([ConversationCategory::Inbox]),
                )
                .limit(READ_BACK_CONVERSATIONS)
                .find(|c| holds_origin_token(c.raw(), token))
                .await?;
            match found {
                Some(conversation) => self.message_by_token(&conversation.urn, token).await,
                None => Ok(None),
            }
        };
        Unsettled {
            what: "the first message of the new conversation".to_owned(),
            absent: format!(
                "its originToken is in none of the inbox's latest {READ_BACK_CONVERSATIONS} conversations"
            ),
            look: "look at the inbox's latest conversations (`linkedin messages list --category inbox --limit 5`)"
                .to_owned(),
        }
        .settle(cause, check)
        .await
    }

    /// Starts a conversation with one or more members by sending its first message.
    ///
    /// Python: `send_message` (with `recipients`)
    ///
    /// As LinkedIn's "New message" window does. Gives the message, whose
    /// [`conversation_urn`](Message::conversation_urn) names the conversation.
    ///
    /// `recipients` are [`ProfileId`]s or their text, 1 to
    /// [`validate::MESSAGE_RECIPIENTS_MAX`], without the logged-in member. The message goes
    /// through the same `createMessage` action as [`send_message`](Self::send_message), with
    /// `hostRecipientUrns` instead of a conversation (the way the web app and other clients
    /// start conversations; the reference records the field but not whether the browser then
    /// leaves `conversationUrn` out, which this does). LinkedIn keeps one conversation per
    /// pair of members, so a single recipient already talked to gets the message in the
    /// existing conversation. Never retried: when the answer is lost, the whole inbox's latest
    /// conversations are read back for the message's `originToken` (found: the stored
    /// message is returned; not: [`Error::NotSent`]; the read failing:
    /// [`Error::OutcomeUnknown`]), as [`send_message`](Self::send_message) does.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad text or recipient list (nothing sent),
    /// [`Error::NotFound`] when a recipient does not exist, and transport errors.
    pub async fn start_conversation<I>(&self, recipients: I, text: &str) -> Result<Raw<Message>>
    where
        I: IntoIterator,
        I::Item: IntoId<ProfileId>,
    {
        self.start(recipients, None, text).await
    }

    /// Starts a group conversation with a title, by sending its first message.
    ///
    /// Python: none
    ///
    /// As [`start_conversation`](Self::start_conversation), with 2 to
    /// [`validate::MESSAGE_RECIPIENTS_MAX`] recipients and a title of at most
    /// [`validate::CONVERSATION_TITLE_MAX`] characters, sent as `conversationTitle` beside
    /// `hostRecipientUrns` (peers.md §b.MX "send / new group"; not recorded). A group is always
    /// a new conversation. Rename it later with
    /// [`rename_conversation`](Self::rename_conversation).
    ///
    /// # Errors
    ///
    /// As [`start_conversation`](Self::start_conversation), and [`Error::InvalidInput`] for a
    /// bad title or fewer than two recipients.
    pub async fn start_group_conversation<I>(
        &self,
        recipients: I,
        title: &str,
        text: &str,
    ) -> Result<Raw<Message>>
    where
        I: IntoIterator,
        I::Item: IntoId<ProfileId>,
    {
        let title = validate::text("title", title, validate::CONVERSATION_TITLE_MAX)?;
        self.start(recipients, Some(title), text).await
    }

    async fn start<I>(&self, recipients: I, title: Option<&str>, text: &str) -> Result<Raw<Message>>
    where
        I: IntoIterator,
        I::Item: IntoId<ProfileId>,
    {
        let text = validate::text("text", text, validate::MESSAGE_TEXT_MAX)?;
        let mut urns: Vec<String> = Vec::new();
        for r in recipients {
            let id = r.into_id("recipients")?;
            let urn = id.urn();
            if urns.contains(&urn) {
                return Err(Error::InvalidInput {
                    field: "recipients",
                    reason: format!("{id} is given twice"),
                });
            }
            urns.push(urn);
        }
        if urns.is_empty() || urns.len() > validate::MESSAGE_RECIPIENTS_MAX {
            return Err(Error::InvalidInput {
                field: "recipients",
                reason: format!(
                    "{} recipients; give 1 to {}",
                    urns.len(),
                    validate::MESSAGE_RECIPIENTS_MAX
                ),
            });
        }
        if title.is_some() && urns.len() < 2 {
            return Err(Error::InvalidInput {
                field: "recipients",
                reason: format!("{} recipient; a group takes 2 or more", urns.len()),
            });
        }
        let me = self.my_profile_urn().await?;
        if urns.contains(&me) {
            return Err(Error::InvalidInput {
                field: "recipients",
                reason: "the logged-in member cannot be a recipient of their own message"
                    .to_owned(),
            });
        }
        let token = origin_token();
        let target = match title {
            Some(title) => Target::Group(urns, title.to_owned()),
            None => Target::Recipients(urns),
        };
        match create_message(self, text, Vec::new(), target, &token).await {
            Ok(message) => Ok(message),
            Err(e) if e.may_have_been_sent() => self.read_back_start(&token, e).await,
            Err(e) => Err(not_found(e, || "a recipient".to_owned())),
        }
    }

    /// Marks a conversation read.
    ///
    /// Python: `mark_conversation_as_seen`, `mark_conversation_as_read_v2`
    ///
    /// Sent as the web app does: a Rest.li batch partial update of the conversation
    /// (`{"patch": {"$set": {"read": true}}}`). Not retried: when the answer is lost, the
    /// inbox's latest conversations are read back for this one's read flag
    /// ([`Error::NotSent`] when it did not change, [`Error::OutcomeUnknown`] when the read
    /// fails or the conversation is not among them). A batch failure LinkedIn reports for
    /// the conversation is [`Error::Refused`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad conversation (nothing sent), [`Error::NotFound`] for
    /// an unknown one, and transport errors.
    pub async fn mark_conversation_read(
        &self,
        conversation: impl IntoId<ConversationId>,
    ) -> Result<()> {
        set_read(self, conversation.into_id("conversation")?, true).await
    }

    /// Marks a conversation unread (it then counts as unread in the inbox).
    ///
    /// Python: none
    ///
    /// The same batch partial update as [`mark_conversation_read`](Self::mark_conversation_read)
    /// with `read: false`.
    ///
    /// # Errors
    ///
    /// As [`mark_conversation_read`](Self::mark_conversation_read).
    pub async fn mark_conversation_unread(
        &self,
        conversation: impl IntoId<ConversationId>,
    ) -> Result<()> {
        set_read(self, conversation.into_id("conversation")?, false).await
    }
}

impl Linkedin {
    /// Renames a group conversation of the logged-in member's mailbox.
    ///
    /// Python: none
    ///
    /// A Rest.li partial update of the conversation, `{"patch": {"$set": {"title": …}}}`
    /// (catalogue `conversation_rename`, peers.md §b.MX; not recorded, status unknown). Not
    /// retried: when the answer is lost, the inbox's latest conversations are read back for
    /// this one's title ([`Error::NotSent`] when it did not change, [`Error::OutcomeUnknown`]
    /// when the read fails or the conversation is not among them).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad conversation or title (nothing sent),
    /// [`Error::NotFound`] for an unknown conversation, a 400 [`Error::Transport`] for a 1:1
    /// conversation (only groups have titles), and transport errors.
    pub async fn rename_conversation(
        &self,
        conversation: impl IntoId<ConversationId>,
        title: &str,
    ) -> Result<()> {
        let title = validate::text("title", title, validate::CONVERSATION_TITLE_MAX)?;
        let id = conversation.into_id("conversation")?;
        let urn = conversation_urn(self, &id).await?;
        let call = self
            .call(endpoints::CONVERSATION_RENAME)
            .path("conversationUrn", urn.as_str())
            .body(json!({"patch": {"$set": {"title": title}}}));
        let what = || format!("conversation {}", id.thread());
        match self.send(call).await {
            Ok(_) => Ok(()),
            Err(e) if e.may_have_been_sent() => {
                let check = async {
                    let found = self
                        .conversations(ConversationFilter::inbox())
                        .limit(READ_BACK_CONVERSATIONS)
                        .find(|c| c.urn.thread() == id.thread())
                        .await?;
                    match found {
                        Some(c) => Ok((c.title.as_deref() == Some(title)).then_some(())),
                        None => Err(Error::NotFound {
                            what: format!(
                                "conversation {} among the inbox's latest {READ_BACK_CONVERSATIONS}",
                                id.thread()
                            ),
                        }),
                    }
                };
                Unsettled {
                    what: format!("renaming conversation {}", id.thread()),
                    absent: "its title did not change".to_owned(),
                    look: "look at the conversation in the inbox (`linkedin messages list`)"
                        .to_owned(),
                }
                .settle(e, check)
                .await
            }
            Err(e) => Err(not_found(e, what)),
        }
    }
}

/// `urn:li:msg_conversation:(<own mailbox>,<thread>)`; a conversation of another mailbox is
/// refused.
pub(crate) async fn conversation_urn(li: &Linkedin, id: &ConversationId) -> Result<String> {
    let me = li.my_profile_id().await?;
    if let Some(mailbox) = id.mailbox().filter(|m| **m != me) {
        return Err(Error::InvalidInput {
            field: "conversation",
            reason: format!(
                "the conversation belongs to the mailbox {}, not the logged-in member's ({})",
                mailbox.urn(),
                me.urn()
            ),
        });
    }
    Ok(id.urn_in(&me))
}

/// Elements of a messenger collection read into views of the logged-in member's mailbox.
///
/// Every element must read as `M`, and `view` must make something of it (every element of
/// a messenger page is a conversation, or a message): one that does not fails the page,
/// naming its path (it is never left out in silence).
pub(crate) fn messenger_read<M, V>(
    endpoint: &'static Endpoint,
    answer: &Answer<'_>,
    me: &ProfileId,
    view: impl Fn(&M, &ProfileId) -> Option<V>,
) -> Result<(Read<Raw<V>>, Option<m::MessengerMetadata>)>
where
    M: serde::de::DeserializeOwned,
{
    let page: MessengerPage<M> = decode(endpoint, answer)?;
    let elements = page.elements.len();
    let mut items = Vec::with_capacity(elements);
    for (i, element) in page.elements.into_iter().enumerate() {
        match element.map_ref(|model| view(model, me)) {
            Some(item) => items.push(item),
            None => {
                let text = element.raw_text();
                return Err(crate::feed::unread_element(
                    endpoint,
                    i,
                    "it does not read as a conversation or a message of this mailbox (its entityUrn, a participant's URN, or a conversation's read and unreadCount)",
                    &text,
                ));
            }
        }
    }
    Ok((Read::new(items, elements), page.metadata))
}

/// A page of a messenger collection, each element read as `M` (with its JSON).
#[derive(serde::Deserialize)]
#[serde(bound = "M: serde::de::DeserializeOwned")]
struct MessengerPage<M> {
    /// Required: a page without its elements does not read (rather than looking empty).
    elements: Vec<Raw<M>>,
    #[serde(default)]
    metadata: Option<m::MessengerMetadata>,
}

/// The conversations of the logged-in member's mailbox a filter selects.
struct Conversations {
    filter: ConversationFilter,
}

impl PageSource for Conversations {
    type Item = Raw<Conversation>;

    async fn call(&self, li: &Linkedin, _at: &Position) -> Result<Call> {
        let me = li.my_profile_id().await?;
        let filter = &self.filter;
        let categories = restli::Value::list(filter.categories.iter().map(|c| c.as_str()));
        let mut call = li
            .call(endpoints::MESSENGER_CONVERSATIONS_SEARCH)
            .var("categories", categories)
            .var("firstDegreeConnections", filter.first_degree_only)
            .var("mailboxUrn", me.urn());
        if let Some(read) = filter.read {
            call = call.var("read", read);
        }
        if let Some(keywords) = &filter.keywords {
            call = call.var("keywords", keywords.as_str());
        }
        Ok(call)
    }

    async fn read(
        &self,
        li: &Linkedin,
        endpoint: &'static Endpoint,
        answer: &Answer<'_>,
    ) -> Result<Read<Raw<Conversation>>> {
        let me = li.my_profile_id().await?;
        let (read, metadata) =
            messenger_read(endpoint, answer, &me, Conversation::from_conversation)?;
        Ok(read.continuation("/metadata/nextCursor", metadata.and_then(|m| m.next_cursor)))
    }
}

/// The primary inbox as the web app loads it: the first sync (catalogue
/// `messenger_conversations_sync`, the browser's request at seq 51: the 20 most recent
/// conversations), then pages of conversations last active before the oldest one seen
/// (`messenger_conversations_backfill`).
struct Inbox;

impl PageSource for Inbox {
    type Item = Raw<Conversation>;

    async fn call(&self, li: &Linkedin, at: &Position) -> Result<Call> {
        let me = li.my_profile_id().await?;
        let endpoint = match at {
            Position::Anchor(None) => endpoints::MESSENGER_CONVERSATIONS_SYNC,
            _ => endpoints::MESSENGER_CONVERSATIONS_BACKFILL,
        };
        Ok(li.call(endpoint).var("mailboxUrn", me.urn()))
    }

    async fn read(
        &self,
        li: &Linkedin,
        endpoint: &'static Endpoint,
        answer: &Answer<'_>,
    ) -> Result<Read<Raw<Conversation>>> {
        let me = li.my_profile_id().await?;
        let (read, _) = messenger_read(endpoint, answer, &me, Conversation::from_conversation)?;
        // The next page is anchored at the oldest activity seen; an empty page ends it.
        let oldest = read.items.iter().filter_map(|c| c.last_activity_at).min();
        Ok(read.oldest(oldest))
    }

    /// The sync is of the whole mailbox: the inbox is its primary-inbox conversations (the
    /// backfill asks for those only).
    fn keep(&self, c: &Raw<Conversation>) -> bool {
        c.categories.contains(&ConversationCategory::PrimaryInbox)
    }
}

/// The messages of a conversation: the latest page, then pages anchored at the oldest
/// message seen (another query).
struct Messages {
    conversation: ConversationId,
}

impl PageSource for Messages {
    type Item = Raw<Message>;

    async fn call(&self, li: &Linkedin, at: &Position) -> Result<Call> {
        let urn = conversation_urn(li, &self.conversation).await?;
        let endpoint = match at {
            Position::Anchor(None) => endpoints::MESSENGER_MESSAGES,
            _ => endpoints::MESSENGER_MESSAGES_BEFORE,
        };
        Ok(li.call(endpoint).var("conversationUrn", urn))
    }

    async fn read(
        &self,
        li: &Linkedin,
        endpoint: &'static Endpoint,
        answer: &Answer<'_>,
    ) -> Result<Read<Raw<Message>>> {
        let me = li.my_profile_id().await?;
        let (read, metadata) = messenger_read(endpoint, answer, &me, Message::from_message)?;
        // An anchored page says when it was the last (`nextCursor: null`); the latest page
        // does not, so an anchored request follows it while it had messages.
        let anchored = endpoint.id == endpoints::MESSENGER_MESSAGES_BEFORE.id;
        let last = anchored && metadata.is_some_and(|m| m.next_cursor.is_none());
        let oldest = read.items.iter().filter_map(|m| m.delivered_at).min();
        Ok(read.oldest(oldest).last(last))
    }

    fn not_found(&self) -> Option<String> {
        Some(format!("conversation {}", self.conversation.thread()))
    }
}

/// `createMessage` with a conversation or recipients.
async fn create_message(
    li: &Linkedin,
    text: &str,
    render: Vec<Value>,
    target: Target,
    token: &str,
) -> Result<Raw<Message>> {
    let endpoint = endpoints::MESSAGE_CREATE;
    let me = li.my_profile_id().await?;
    let mut message = json!({
        "body": {"attributes": [], "text": text},
        "renderContentUnions": render,
        "originToken": token,
    });
    let mut body = json!({
        "mailboxUrn": me.urn(),
        "trackingId": tracking_id(),
        "dedupeByClientGeneratedToken": false,
    });
    match target {
        Target::Conversation(urn) => message["conversationUrn"] = Value::String(urn),
        Target::Recipients(urns) => body["hostRecipientUrns"] = json!(urns),
        Target::Group(urns, title) => {
            body["hostRecipientUrns"] = json!(urns);
            body["conversationTitle"] = json!(title);
        }
    }
    body["message"] = message;
    let model: Raw<m::Message> = li.fetch_at(li.call(endpoint).body(body), "/value").await?;
    let excerpt = model.raw_text().chars().take(160).collect();
    model
        .map(|model| Message::from_message(model, &me))
        .ok_or_else(|| Error::Decode {
            endpoint: endpoint.name,
            source: linkedin_models::DecodeError {
                path: "/value/entityUrn".to_owned(),
                reason: "not a message (no entityUrn)".to_owned(),
                excerpt,
            },
        })
}

async fn set_read(li: &Linkedin, id: ConversationId, read: bool) -> Result<()> {
    let urn = conversation_urn(li, &id).await?;
    let mut entities = serde_json::Map::new();
    entities.insert(urn.clone(), json!({"patch": {"$set": {"read": read}}}));
    let endpoint_name = endpoints::CONVERSATIONS_MARK_READ.name;
    let call = li
        .call(endpoints::CONVERSATIONS_MARK_READ)
        .query("ids", restli::Value::list([urn.as_str()]))
        .body(json!({ "entities": entities }));
    let what = || format!("conversation {}", id.thread());
    let body = match li.send(call).await {
        Ok(body) => body,
        Err(e) if e.may_have_been_sent() => return read_back_read(li, &id, read, e).await,
        Err(e) => return Err(not_found(e, what)),
    };
    // A 200 is a success; a body, when there is one, may still list this URN as failed.
    let answer: m::BatchUpdate = serde_json::from_slice(&body).unwrap_or_default();
    match answer.errors.get(&urn).map(|e| e.status.unwrap_or(0)) {
        None => Ok(()),
        Some(404) => Err(Error::NotFound { what: what() }),
        Some(code) => Err(Error::Refused {
            endpoint: endpoint_name,
            reason: linkedin_transport::Reason::new(
                Some(code.to_string()),
                Some(format!("the batch update failed for {urn}")),
            ),
        }),
    }
}

/// After marking a conversation read or unread without an answer: the inbox's latest
/// conversations, for this one's read flag.
async fn read_back_read(
    li: &Linkedin,
    id: &ConversationId,
    read: bool,
    cause: Error,
) -> Result<()> {
    let check = async {
        let found = li
            .conversations(ConversationFilter::inbox())
            .limit(READ_BACK_CONVERSATIONS)
            .find(|c| c.urn.thread() == id.thread())
            .await?;
        if let Some(c) = found {
            return Ok((c.read == read).then_some(()));
        }
        Err(Error::NotFound {
            what: format!(
                "conversation {} among the inbox's latest {READ_BACK_CONVERSATIONS}",
                id.thread()
            ),
        })
    };
    Unsettled {
        what: format!(
            "marking conversation {} {}",
            id.thread(),
            if read { "read" } else { "unread" }
        ),
        absent: format!("it is still {}", if read { "unread" } else { "read" }),
        look: "look at the conversation in the inbox (`linkedin messages list`)".to_owned(),
    }
    .settle(cause, check)
    .await
}

/// Where a new message goes.
enum Target {
    /// An existing conversation, by URN.
    Conversation(String),
    /// A new conversation (or the existing 1:1 one) with these `urn:li:fsd_profile:` URNs.
    Recipients(Vec<String>),
    /// A new group conversation with these recipients and this title.
    Group(Vec<String>, String),
}

/// A fresh UUID v4, the `originToken` of a send.
/// The most files sent with one message (ours: the web app's limit is not recorded).
const ATTACHMENTS_MAX: usize = 10;

fn origin_token() -> String {
    let mut b = [0u8; 16];
    for byte in &mut b {
        *byte = fastrand::u8(..);
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// 16 random bytes as characters (U+0000 to U+00FF), the `trackingId` the web app sends.
fn tracking_id() -> String {
    (0..16).map(|_| char::from(fastrand::u8(..))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_tokens_are_uuid_v4_and_tracking_ids_16_chars() {
        let t = origin_token();
        assert_eq!(t.len(), 36);
        assert_eq!(&t[14..15], "4");
        assert!(matches!(&t[19..20], "8" | "9" | "a" | "b"), "{t}");
        assert_ne!(origin_token(), t);
        assert_eq!(tracking_id().chars().count(), 16);
        assert!(tracking_id().chars().all(|c| (c as u32) < 256));
    }

    #[test]
    fn filters_are_checked() {
        assert!(ConversationFilter::inbox().check().is_ok());
        assert!(ConversationFilter::inbox().categories([]).check().is_err());
        assert!(
            ConversationFilter::inbox()
                .categories([ConversationCategory::Other("x,y".into())])
                .check()
                .is_err()
        );
        assert!(ConversationFilter::inbox().keywords(" ").check().is_err());
    }
}
