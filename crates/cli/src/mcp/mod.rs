//! `linkedin mcp`: the client's capabilities as tools of a Model Context Protocol server on
//! stdio (or, with `--http`, streamable HTTP on loopback: http.rs), for AI agents (Claude
//! Desktop, VS Code, any MCP client).
//!
//! Reads are tools over the facade, with JSON schemas of their arguments derived from the
//! Rust types below, typed JSON results (the views `linkedin ... --json` prints) and a cursor
//! for the next items of a list. Writes ([`WRITE_TOOLS`]: messages, invitations, reactions,
//! comments, posts, follows, saves) are neither listed nor callable unless the server was
//! started with `--allow-writes`; they go
//! through the facade like the CLI's, so the account's governor (pacing, budgets, circuit
//! breaker) applies to them, and each can be previewed (`preview: true`) without sending.
//!
//! One resource, `linkedin://messages/events` (events.rs): the latest realtime events of the
//! mailbox, with `notifications/resources/updated` to the clients subscribed to it
//! (`resources/subscribe`, or `subscriptions/listen` at protocol version 2026-07-28).
//!
//! A failure is a tool error (`isError`) whose text is the one-line advice the CLI prints
//! (exit.rs); stdout is the protocol's, logs go to stderr.

use std::sync::Arc;

use clap::Args;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::tool::{IntoCallToolResult, ToolCallContext};
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation,
    ListResourcesResult, PaginatedRequestParams, ReadResourceRequestParams, ReadResourceResponse,
    ReadResourceResult, ResourceContents, ServerCapabilities, ServerConfig, SubscribeRequestParams,
    SubscriptionFilter, UnsubscribeRequestParams,
};
use rmcp::service::{RequestContext, SubscriptionContext};
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt, tool_handler};

use crate::account::{Connection, Session};
use crate::exit::Failure;

mod cursor;
mod engage;
mod events;
mod http;
mod reads;
mod social;
mod writes;

/// `linkedin mcp`'s options.
#[derive(Args, Debug, Clone)]
#[command(
    after_help = "Examples:\n  linkedin mcp                      reads only\n  linkedin mcp --allow-writes       every write tool too\n  linkedin mcp --allow-writes=send_message,react_to_post\n                                    only these writes"
)]
pub(crate) struct McpArgs {
    /// Also offer write tools: alone, all of them (send_message, start_conversation, invite,
    /// react_to_post, comment_on_post, create_post, follow, save_job...); with a list
    /// (`--allow-writes=send_message,react_to_post`), only those. The others are not listed
    /// and a call of one is refused. Each write still goes through the account's pacing,
    /// daily budgets and circuit breaker.
    #[arg(
        long,
        value_name = "TOOLS",
        num_args = 0..,
        require_equals = true,
        value_delimiter = ','
    )]
    pub(crate) allow_writes: Option<Vec<String>>,
    /// Serve MCP's streamable HTTP transport at http://ADDR/mcp instead of stdio: ADDR is a
    /// loopback IP:PORT (127.0.0.1:8765; port 0 picks a free one, printed on stderr). Any
    /// other address is refused: the server acts as your account for whoever reaches it.
    #[arg(long, value_name = "ADDR")]
    pub(crate) http: Option<String>,
}

impl McpArgs {
    /// The write tools allowed: none without `--allow-writes`, all with it alone, else the
    /// ones it names (an unknown one refused with the list of write tools).
    fn writes(&self) -> Result<Vec<&'static str>, Failure> {
        let Some(named) = &self.allow_writes else {
            return Ok(Vec::new());
        };
        if named.is_empty() {
            return Ok(WRITE_TOOLS.to_vec());
        }
        let mut allowed = Vec::new();
        for name in named {
            let name = name.trim();
            let Some(&tool) = WRITE_TOOLS.iter().find(|&&t| t == name) else {
                return Err(Failure::usage(format!(
                    "--allow-writes: {name:?} is not a write tool; the write tools are {}",
                    WRITE_TOOLS.join(", ")
                )));
            };
            if !allowed.contains(&tool) {
                allowed.push(tool);
            }
        }
        Ok(allowed)
    }
}

/// The names of the write tools (the tools of the `writes` and `engage` routers), refused
/// unless `--allow-writes` allows them.
const WRITE_TOOLS: [&str; 25] = [
    "send_message",
    "edit_message",
    "recall_message",
    "react_to_message",
    "remove_message_reaction",
    "start_conversation",
    "invite",
    "accept_invitation",
    "reject_invitation",
    "withdraw_invitation",
    "remove_connection",
    "react_to_post",
    "remove_reaction",
    "comment_on_post",
    "reply_to_comment",
    "create_post",
    "reshare_post",
    "delete_post",
    "follow",
    "unfollow",
    "save_job",
    "unsave_job",
    "save_post",
    "unsave_post",
    "mark_notification_read",
];

/// The MCP server: the logged-in client and the tools over it.
#[derive(Clone)]
pub(crate) struct Server {
    session: Arc<Session>,
    /// How the session was made: the touch API logs in with the same options.
    conn: Arc<Connection>,
    /// The write tools allowed (none without `--allow-writes`).
    writes: Arc<[&'static str]>,
    tools: ToolRouter<Server>,
    /// The realtime events resource, shared by every session (events.rs).
    feed: Arc<events::Feed>,
    /// This session's key among the subscribers (each HTTP session has its own: `session`).
    key: u64,
    /// The last key given.
    keys: Arc<std::sync::atomic::AtomicU64>,
}

impl Server {
    /// The server for a logged-in session, with only the write tools `writes` (the others
    /// neither listed nor callable).
    fn new(session: Session, conn: Connection, writes: Vec<&'static str>) -> Self {
        let mut tools = Self::reads() + Self::social() + Self::writes() + Self::engage();
        for name in WRITE_TOOLS {
            if !writes.contains(&name) {
                tools.disable_route(name);
            }
        }
        Self {
            session: Arc::new(session),
            conn: Arc::new(conn),
            writes: writes.into(),
            tools,
            feed: Arc::default(),
            key: 0,
            keys: Arc::default(),
        }
    }

    /// The server for another session (HTTP: one a client): the same client, tools and
    /// events resource, its own subscriber key.
    fn session(&self) -> Self {
        let mut server = self.clone();
        server.key = 1 + self.keys.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        server
    }

    /// The client the tools call.
    fn li(&self) -> &linkedin_api::Linkedin {
        &self.session.linkedin
    }
}

/// What the server tells a model about itself.
const INSTRUCTIONS: &str = "LinkedIn for an agent: profiles, people/company/post/job search, companies and schools, jobs, the feed, posts with their comments and reactions, conversations, invitations, notifications and My Items of the logged-in member, as typed JSON. Lists give at most `limit` items and a `next_cursor`: pass it back as `cursor` with the same other arguments for the next items. Members are named by public id (the part after linkedin.com/in/), profile id (ACoAA...) or profile URN; posts by activity id, URN or URL. Writes (messages, invitations, reactions, comments, posts, follows, saves, marking read) exist only when the server was started with --allow-writes (or with them named in its list: `status` says which); each accepts `preview: true` to check it without sending. Every request is paced and counted against the account's daily budgets; a spent budget or a tripped circuit breaker is a tool error saying when to try again or what to do. The resource linkedin://messages/events holds the latest realtime events of the mailbox (new messages, edits, reactions, reads): subscribe to it to be told when something happens, then read it.";

/// A tool's failure: the CLI's one-line message for it, and its exit status's class.
#[derive(Debug)]
pub(crate) struct ToolError(Failure);

impl ToolError {
    /// Bad arguments, refused before anything is sent.
    pub(crate) fn input(message: impl Into<String>) -> Self {
        Self(Failure::usage(message))
    }
}

impl From<linkedin_api::Error> for ToolError {
    fn from(e: linkedin_api::Error) -> Self {
        Self(Failure::from(e))
    }
}

impl From<Failure> for ToolError {
    fn from(f: Failure) -> Self {
        Self(f)
    }
}

/// What a class of failure is, by the CLI's exit status (`linkedin --help` lists them).
fn class(code: u8) -> &'static str {
    match code {
        2 => "bad input (nothing was sent)",
        3 => "login needed",
        4 => "security check",
        5 => "rate limited or budget spent",
        6 => "not found or retired",
        7 => "network",
        8 => "unexpected answer",
        _ => "internal error",
    }
}

impl IntoCallToolResult for ToolError {
    fn into_call_tool_result(self) -> Result<CallToolResponse, ErrorData> {
        let Failure { code, message } = self.0;
        let text = format!("{message} [{}; the CLI's exit status {code}]", class(code));
        Ok(CallToolResult::error(vec![ContentBlock::text(text)]).into())
    }
}

#[tool_handler(router = self.tools)]
impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_resources()
                .enable_resources_subscribe()
                .build(),
        )
        .with_server_info(Implementation::new("linkedin", env!("CARGO_PKG_VERSION")))
        .with_instructions(INSTRUCTIONS)
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        Ok(ListResourcesResult::with_all_items(
            vec![events::resource()],
        ))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        known(&request.uri)?;
        let text = ResourceContents::text(self.feed.read(), events::URI)
            .with_mime_type("application/json");
        Ok(ReadResourceResult::new(vec![text]).into())
    }

    async fn subscribe(
        &self,
        request: SubscribeRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<(), ErrorData> {
        known(&request.uri)?;
        let synced = self.feed.subscribe(
            events::Key::Session(self.key),
            events::SubscriberOf::peer(context.peer),
            self.li(),
        );
        // Answered once the stream is open and synced (bounded): what the client does next
        // is then an event. (`subscriptions/listen` is acknowledged before `listen` runs: its
        // client reads `listening` in the resource.)
        events::wait_synced(&synced, events::SYNC_WAIT).await;
        Ok(())
    }

    async fn unsubscribe(
        &self,
        request: UnsubscribeRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<(), ErrorData> {
        known(&request.uri)?;
        self.feed.unsubscribe(events::Key::Session(self.key));
        Ok(())
    }

    fn accepted_subscription_filter(
        &self,
        requested: &SubscriptionFilter,
    ) -> Option<SubscriptionFilter> {
        let _ = requested;
        Some(
            SubscriptionFilter::builder()
                .resource_subscription(events::URI)
                .build(),
        )
    }

    async fn listen(&self, context: SubscriptionContext) -> Result<(), ErrorData> {
        let wanted = context
            .accepted()
            .resource_subscriptions
            .as_ref()
            .is_some_and(|uris| uris.iter().any(|u| u == events::URI));
        if wanted {
            let key = self.feed.listen_key();
            let _synced = self.feed.subscribe(
                key,
                events::SubscriberOf::listen(context.sink().clone()),
                self.li(),
            );
            context.cancelled().await;
            self.feed.unsubscribe(key);
        } else {
            context.cancelled().await;
        }
        Ok(())
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let name = request.name.as_ref();
        if WRITE_TOOLS.contains(&name) && !self.writes.contains(&name) {
            let why = if self.writes.is_empty() {
                "this server was started without --allow-writes".to_owned()
            } else {
                format!(
                    "this server allows only the writes {} (--allow-writes=...)",
                    self.writes.join(", ")
                )
            };
            return ToolError::input(format!(
                "{name} is a write and {why}: nothing was sent. Ask the user to restart `linkedin mcp` with --allow-writes (all writes) or --allow-writes={name} to allow it"
            ))
            .into_call_tool_result();
        }
        let call = ToolCallContext::new(self, request, context);
        self.tools.call(call).await
    }
}

/// Refuses a URI that is not the server's one resource.
fn known(uri: &str) -> Result<(), ErrorData> {
    if uri == events::URI {
        Ok(())
    } else {
        Err(ErrorData::resource_not_found(
            format!("no resource {uri:?}: the one resource is {}", events::URI),
            None,
        ))
    }
}

/// Serves the tools on stdin/stdout until the client closes them, or with `--http` over
/// streamable HTTP on loopback until Ctrl-C.
pub(crate) async fn run(args: McpArgs, conn: &Connection) -> Result<(), Failure> {
    // An unknown write tool, or an address off loopback, is refused before logging in.
    let writes = args.writes()?;
    let addr = args.http.as_deref().map(http::loopback).transpose()?;
    let session = conn.connect().await?;
    let server = Server::new(session, conn.clone(), writes);
    if let Some(addr) = addr {
        return http::serve(server, addr).await;
    }
    let running = server
        .serve(rmcp::transport::stdio())
        .await
        .map_err(|e| Failure::internal(format!("the MCP session could not start: {e}")))?;
    running
        .waiting()
        .await
        .map_err(|e| Failure::internal(format!("the MCP server stopped: {e}")))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_write_tools_are_the_write_routers_tools() {
        let mut routed: Vec<String> = (Server::writes() + Server::engage())
            .list_all()
            .into_iter()
            .map(|t| t.name.into_owned())
            .collect();
        routed.sort();
        let mut listed: Vec<String> = WRITE_TOOLS.iter().map(|&n| n.to_owned()).collect();
        listed.sort();
        assert_eq!(routed, listed);
        for read in (Server::reads() + Server::social()).list_all() {
            let hints = read.annotations.unwrap_or_default();
            assert_eq!(
                hints.read_only_hint,
                Some(true),
                "{} is read-only",
                read.name
            );
        }
    }
}
