//! Who the commands act as: the login from flags and environment, the saved session, or an
//! embedded sandbox; the `login`, `logout` and `whoami` commands, and `safety` (the account's
//! budgets and circuit breaker).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use linkedin_api::transport::{BudgetReport, Transport};
use linkedin_api::{FileStore, Linkedin, Login, Proxy};
use linkedin_sandbox::{DEMO_PASSWORD, DEMO_USERNAME, SandboxHandle};

use crate::exit::Failure;

/// Options every command shares about the account and where LinkedIn is.
#[derive(Args, Debug, Clone)]
pub(crate) struct Connection {
    /// Run against an embedded sandbox (a LinkedIn emulator started in-process), logged in as
    /// its demo account: no account or network needed.
    #[arg(long, global = true)]
    pub(crate) sandbox: bool,
    /// LinkedIn's base URL (a sandbox's URL for tests).
    #[arg(
        long,
        global = true,
        env = "LINKEDIN_BASE_URL",
        default_value = "https://www.linkedin.com"
    )]
    pub(crate) base_url: String,
    /// The account to act as (its saved session); default: the last one logged in.
    #[arg(long, global = true, env = "LINKEDIN_USERNAME")]
    pub(crate) account: Option<String>,
    /// Where sessions are saved (default: the platform's config dir).
    #[arg(long, global = true, env = "LINKEDIN_SESSION_DIR")]
    pub(crate) session_dir: Option<PathBuf>,
    /// A daily limit for the account, ACTION=N (repeatable; 0 forbids the action): invitation,
    /// message, engagement, follow, post, profile_view, search. Counted across every process
    /// of the account. Defaults on linkedin.com: 20 invitations, 50 messages, 100
    /// engagements, 50 follows, 5 posts, 250 profile views, 250 searches; none on loopback.
    #[arg(long = "daily-limit", global = true, value_parser = parse_daily_limit)]
    pub(crate) daily_limits: Vec<(linkedin_api::transport::Action, u32)>,
    /// At least SECS (decimals allowed) between two requests of the account, in all its
    /// processes (one schedule), over the default pacing: never faster than it (on
    /// linkedin.com bursts of 4, then one every 2 to 4 s; none on loopback).
    #[arg(long, global = true, value_name = "SECS", value_parser = parse_pace)]
    pub(crate) pace: Option<std::time::Duration>,
    /// The longest one call may take, retries and their waits included, and one request
    /// too (default 120 s for a call, 30 s for a request).
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub(crate) timeout: Option<u64>,
    /// Also trust the certificate authorities of this PEM file (a `linkedin sandbox --tls
    /// --cert-out` CA, a company proxy's).
    #[arg(long, global = true, value_name = "PEM")]
    pub(crate) ca_file: Option<PathBuf>,
    /// Connect through this HTTP proxy, `http://[user:password@]host:port` (such as
    /// `http://proxy.example:3128`): LinkedIn is reached through a CONNECT tunnel, TLS inside
    /// it; only http:// proxies. Without it, HTTPS_PROXY (HTTP_PROXY for an http:// base
    /// URL) or ALL_PROXY is used unless NO_PROXY lists the host, as curl does. The embedded
    /// sandbox of --sandbox is reached directly.
    #[arg(long, global = true, value_name = "URL", value_parser = read_proxy)]
    pub(crate) proxy: Option<ProxyArg>,
    /// Never heal a stale id: a read LinkedIn refuses as it refuses a stale queryId or
    /// decorationId fails (exit 6) instead of the current id being looked for in the web
    /// app's pages and scripts (bounded: 24 fetches, 16 MiB, 30 s) and saved for the account.
    #[arg(long, global = true)]
    pub(crate) no_heal: bool,
}

/// A `--proxy` value: read when the command line is, refused (exit 2) before anything runs.
/// Never a clap error, which would print the value and so the proxy's password.
#[derive(Debug, Clone)]
pub(crate) struct ProxyArg(Result<Proxy, String>);

fn read_proxy(text: &str) -> Result<ProxyArg, std::convert::Infallible> {
    Ok(ProxyArg(Proxy::new(text).map_err(|e| e.to_string())))
}

/// `message=10` → (message, 10).
fn parse_daily_limit(text: &str) -> Result<(linkedin_api::transport::Action, u32), String> {
    let (action, n) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?}: write ACTION=N, e.g. message=10"))?;
    let n = n
        .parse()
        .map_err(|_| format!("{n:?} is not a number of actions"))?;
    Ok((action.parse()?, n))
}

/// `0.5` → 500 ms, between 1 ms and an hour.
fn parse_pace(text: &str) -> Result<std::time::Duration, String> {
    match text.parse::<f64>() {
        Ok(secs) if (0.001..=3600.0).contains(&secs) => {
            Ok(std::time::Duration::from_secs_f64(secs))
        }
        _ => Err(format!(
            "{text:?}: a number of seconds between 0.001 and 3600, e.g. 2.5"
        )),
    }
}

/// A logged-in client, and the embedded sandbox it talks to, if any (kept alive with it).
pub(crate) struct Session {
    pub(crate) linkedin: Linkedin,
    pub(crate) sandbox: Option<SandboxHandle>,
}

/// The file naming the account used last, in the session directory.
const CURRENT: &str = "current-account";

impl Connection {
    fn store(&self) -> Result<FileStore, Failure> {
        match &self.session_dir {
            Some(dir) => Ok(FileStore::new(dir)),
            None => FileStore::default_location().map_err(Failure::from),
        }
    }

    fn current_account(&self, store: &FileStore) -> Option<String> {
        std::fs::read_to_string(store.dir().join(CURRENT))
            .ok()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    }

    /// A client for the commands: the embedded sandbox with `--sandbox`; otherwise browser
    /// cookies from `LINKEDIN_LI_AT` + `LINKEDIN_JSESSIONID`, a password from
    /// `LINKEDIN_USERNAME` + `LINKEDIN_PASSWORD`, or the saved session of the account.
    pub(crate) async fn connect(&self) -> Result<Session, Failure> {
        if self.sandbox {
            return embedded().await;
        }
        let store = self.store()?;
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let login = if let (Some(li_at), Some(jsessionid)) =
            (env("LINKEDIN_LI_AT"), env("LINKEDIN_JSESSIONID"))
        {
            Login::cookies(li_at, jsessionid)
        } else if let (Some(user), Some(password)) =
            (self.account.clone(), env("LINKEDIN_PASSWORD"))
        {
            Login::password(user, password)
        } else if let Some(account) = self
            .account
            .clone()
            .or_else(|| self.current_account(&store))
        {
            Login::saved(account)
        } else {
            return Err(Failure::not_logged_in(
                "not logged in: run `linkedin login` (or try `linkedin demo`, or add --sandbox to run against the embedded sandbox)",
            ));
        };
        let linkedin = self.builder()?.store(store).login(login).build().await?;
        Ok(Session {
            linkedin,
            sandbox: None,
        })
    }

    /// The ids learned for the account the commands act as (its saved file), if any; none
    /// under `--sandbox`. Read locally.
    pub(crate) fn learned_ids(&self) -> Option<String> {
        if self.sandbox {
            return None;
        }
        let store = self.store().ok()?;
        let account = self
            .account
            .clone()
            .or_else(|| self.current_account(&store))?;
        std::fs::read_to_string(store.learned_path_for(&account)).ok()
    }

    /// Refuses a bad `--proxy` (its message never holds the URL).
    pub(crate) fn check_proxy(&self) -> Result<(), Failure> {
        match &self.proxy {
            Some(ProxyArg(Err(reason))) => Err(Failure::usage(format!("--proxy: {reason}"))),
            _ => Ok(()),
        }
    }

    /// The proxy for LinkedIn: `--proxy`, else the environment's for the base URL.
    fn proxy(&self) -> Result<Option<Proxy>, Failure> {
        match &self.proxy {
            Some(ProxyArg(Ok(proxy))) => Ok(Some(proxy.clone())),
            Some(ProxyArg(Err(reason))) => Err(Failure::usage(format!("--proxy: {reason}"))),
            None => Proxy::from_env(&self.base_url).map_err(|e| Failure::usage(e.to_string())),
        }
    }

    fn builder(&self) -> Result<linkedin_api::LinkedinBuilder, Failure> {
        let ca = match &self.ca_file {
            Some(path) => Some(std::fs::read_to_string(path).map_err(|e| {
                Failure::usage(format!("cannot read --ca-file {}: {e}", path.display()))
            })?),
            None => None,
        };
        let limits = self.daily_limits.clone();
        let pace = self.pace;
        let timeouts = self.timeout.map(|secs| linkedin_api::Timeouts {
            request: std::time::Duration::from_secs(secs),
            total: std::time::Duration::from_secs(secs),
            ..linkedin_api::Timeouts::default()
        });
        let mut builder = Linkedin::builder()
            .base_url(&self.base_url)
            .heal_ids(!self.no_heal)
            .proxy(self.proxy()?)
            .transport(move |t| {
                let t = limits
                    .iter()
                    .fold(t, |t, (action, n)| t.daily_limit(*action, *n));
                match pace {
                    Some(pace) => t.min_interval(pace),
                    None => t,
                }
            });
        if let Some(timeouts) = timeouts {
            builder = builder.timeouts(timeouts);
        }
        // The user's ids for LinkedIn (never for the embedded sandbox, which serves the
        // catalogue's): a broken file is refused here, before anything is sent.
        if let Some(overrides) = crate::catalogue_cmd::load_overrides()? {
            builder = builder.overrides(&overrides);
        }
        if let Some(pem) = ca {
            // Checked here, so that a file without a certificate is bad input (the builder's
            // own use below cannot fail then).
            let _checked = linkedin_api::transport::Transport::builder(&self.base_url)
                .add_root_certificates_pem(&pem)
                .map_err(|e| Failure::usage(format!("--ca-file: {e}")))?;
            builder =
                builder.transport(move |t| t.clone().add_root_certificates_pem(&pem).unwrap_or(t));
        }
        Ok(builder)
    }
}

/// Starts an embedded sandbox and logs in as its demo account.
pub(crate) async fn embedded() -> Result<Session, Failure> {
    let sandbox = linkedin_sandbox::Sandbox::start(linkedin_sandbox::SandboxConfig::default())
        .await
        .map_err(|e| Failure::internal(format!("the embedded sandbox could not start: {e}")))?;
    let linkedin = Linkedin::builder()
        .base_url(sandbox.base_url())
        .login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .build()
        .await?;
    Ok(Session {
        linkedin,
        sandbox: Some(sandbox),
    })
}

/// `linkedin login`: one of a password, browser cookies or a cookie file.
#[derive(Args, Debug)]
pub(crate) struct LoginArgs {
    /// The e-mail address (with a password, read from a prompt without echo, from
    /// LINKEDIN_PASSWORD, or from standard input with --password-stdin).
    #[arg(long, env = "LINKEDIN_USERNAME", conflicts_with_all = ["li_at", "cookie_file"])]
    username: Option<String>,
    /// Read the password from standard input (one line).
    #[arg(long, requires = "username")]
    password_stdin: bool,
    /// The li_at cookie of a logged-in browser (with --jsessionid): the way through a challenge.
    #[arg(
        long,
        env = "LINKEDIN_LI_AT",
        requires = "jsessionid",
        hide_env_values = true
    )]
    li_at: Option<String>,
    /// The JSESSIONID cookie of the same browser.
    #[arg(long, env = "LINKEDIN_JSESSIONID", hide_env_values = true)]
    jsessionid: Option<String>,
    /// A cookies.txt (Netscape) or browser-extension JSON export of a logged-in LinkedIn tab.
    #[arg(long, conflicts_with = "li_at")]
    cookie_file: Option<PathBuf>,
    /// The name to save a cookie login under (default: the member's public id).
    #[arg(long)]
    name: Option<String>,
}

pub(crate) async fn login(args: LoginArgs, conn: &Connection) -> Result<String, Failure> {
    let store = conn.store()?;
    let (login, account) = if let Some(user) = args.username.clone() {
        let password = password(&args)?;
        (Login::password(user.clone(), password), Some(user))
    } else if let (Some(li_at), Some(jsessionid)) = (args.li_at.clone(), args.jsessionid.clone()) {
        (Login::cookies(li_at, jsessionid), None)
    } else if let Some(file) = args.cookie_file.clone() {
        (Login::cookie_file(file), None)
    } else {
        return Err(Failure::usage(
            "say how to log in: --username (password prompt), --li-at with --jsessionid, or --cookie-file",
        ));
    };
    // Logging in again is how the user says the check is passed: the breaker the account
    // tripped is reset first (else the login's own requests would be refused).
    for name in account.iter().map(String::as_str).chain(["browser"]) {
        store.transact_governor_now(name, &mut |s| s.breaker = None)?;
    }
    let linkedin = conn
        .builder()?
        .store(store.clone())
        .login(login)
        .build()
        .await?;
    let me = linkedin.me().await?;
    let account = args
        .name
        .or(account)
        .unwrap_or_else(|| me.public_id.clone());
    store.transact_governor_now(&account, &mut |s| s.breaker = None)?;
    linkedin.transport().save_session(&account).await?;
    let path = store.path_for(&account);
    std::fs::write(store.dir().join(CURRENT), &account)
        .map_err(|e| Failure::internal(format!("cannot record the current account: {e}")))?;
    Ok(format!(
        "logged in as {} {} ({}); session saved in {}",
        me.first_name,
        me.last_name,
        me.public_id,
        path.display()
    ))
}

/// `linkedin --sandbox login ...`: the same login against an embedded sandbox, with a
/// session directory of its own that is deleted when the command ends (the real saved
/// sessions are never touched).
pub(crate) async fn login_sandboxed(args: LoginArgs, conn: &Connection) -> Result<String, Failure> {
    let sandbox = linkedin_sandbox::Sandbox::start(linkedin_sandbox::SandboxConfig::default())
        .await
        .map_err(|e| Failure::internal(format!("the embedded sandbox could not start: {e}")))?;
    let dir = tempfile::tempdir()
        .map_err(|e| Failure::internal(format!("cannot make a session directory: {e}")))?;
    let sandboxed = Connection {
        sandbox: false,
        base_url: sandbox.base_url().to_owned(),
        session_dir: Some(dir.path().to_owned()),
        ..conn.clone()
    };
    let text = login(args, &sandboxed).await?;
    Ok(format!(
        "{text} (embedded sandbox: the session is discarded when the command ends)"
    ))
}

fn password(args: &LoginArgs) -> Result<String, Failure> {
    if let Some(p) = std::env::var("LINKEDIN_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty())
    {
        return Ok(p);
    }
    if args.password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|e| Failure::usage(format!("cannot read the password: {e}")))?;
        return Ok(line.trim_end_matches(['\n', '\r']).to_owned());
    }
    rpassword::prompt_password("LinkedIn password: ").map_err(|e| {
        Failure::usage(format!(
            "cannot read the password (no terminal? use --password-stdin): {e}"
        ))
    })
}

/// `linkedin logout`: forgets the saved session.
pub(crate) fn logout(conn: &Connection) -> Result<String, Failure> {
    let store = conn.store()?;
    let Some(account) = conn
        .account
        .clone()
        .or_else(|| conn.current_account(&store))
    else {
        return Ok("not logged in".to_owned());
    };
    store.remove(&account)?;
    let _ = std::fs::remove_file(store.dir().join(CURRENT));
    Ok(format!(
        "logged out of {account}; its saved session is deleted"
    ))
}

/// `linkedin safety ...`: the account's budgets and circuit breaker, read from the state every
/// process of the account shares (nothing is sent to LinkedIn).
#[derive(Subcommand, Debug)]
pub(crate) enum SafetyCmd {
    /// What the account used of its hourly and daily budgets, and whether its circuit
    /// breaker is tripped.
    Status,
    /// Reset the account's circuit breaker, once you passed LinkedIn's check in a browser
    /// (`linkedin login` does it too).
    Reset,
}

/// The state of the account's governor: the account, and the transport whose limits apply
/// (built for the base URL, never logged in: it sends nothing).
fn governed(conn: &Connection) -> Result<(String, Transport), Failure> {
    if conn.sandbox {
        return Err(Failure::usage(
            "the embedded sandbox keeps no account state between commands: run `linkedin sandbox` and use --base-url to try the budgets",
        ));
    }
    let store = conn.store()?;
    let account = conn
        .account
        .clone()
        .or_else(|| conn.current_account(&store))
        .ok_or_else(|| Failure::not_logged_in("not logged in: run `linkedin login` first"))?;
    let transport = conn
        .daily_limits
        .iter()
        .fold(Transport::builder(&conn.base_url), |t, (action, n)| {
            t.daily_limit(*action, *n)
        })
        .store(store)
        .build()?;
    Ok((account, transport))
}

pub(crate) async fn safety(
    cmd: SafetyCmd,
    conn: &Connection,
) -> Result<(String, BudgetReport), Failure> {
    let (account, transport) = governed(conn)?;
    if matches!(cmd, SafetyCmd::Reset) {
        transport.reset_breaker(&account).await?;
    }
    let report = transport.budget_of(&account).await?;
    Ok((account, report))
}

/// What to do when the circuit breaker has tripped.
pub(crate) const BREAKER_ADVICE: &str =
    "pass the check in a browser, then `linkedin login` or `linkedin safety reset`";

/// A budget report as lines of text.
pub(crate) fn budget_text(report: &BudgetReport) -> String {
    let mut lines = vec![match report.hour_limit {
        Some(cap) => format!("requests in the last hour: {} of {cap}", report.hour_used),
        None => format!("requests in the last hour: {} (no cap)", report.hour_used),
    }];
    for d in &report.per_day {
        lines.push(match d.limit {
            Some(0) => format!("{}: forbidden", d.action),
            Some(limit) => format!("{} today: {} of {limit}", d.action, d.used),
            None => format!("{} today: {} (no limit)", d.action, d.used),
        });
    }
    lines.push(match &report.breaker {
        None => "circuit breaker: closed (requests go out)".to_owned(),
        Some(trip) => format!(
            "circuit breaker: TRIPPED ({}{}): {BREAKER_ADVICE}",
            trip.reason,
            trip.url
                .as_deref()
                .map(|u| format!(", {u}"))
                .unwrap_or_default()
        ),
    });
    lines.join("\n")
}
