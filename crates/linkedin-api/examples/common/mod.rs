//! How the examples get a client: a real account when `LINKEDIN_LI_AT` and
//! `LINKEDIN_JSESSIONID` (a logged-in browser's cookies) are set, otherwise an embedded
//! sandbox logged in as its demo account, so every example runs with no account and no
//! network.

use linkedin_api::{Linkedin, Login};
use linkedin_sandbox::{DEMO_PASSWORD, DEMO_USERNAME, Sandbox, SandboxConfig, SandboxHandle};

/// A logged-in client, and the sandbox it talks to (keep it alive as long as the client).
pub(crate) async fn connect()
-> Result<(Linkedin, Option<SandboxHandle>), Box<dyn std::error::Error>> {
    if let (Ok(li_at), Ok(jsessionid)) = (
        std::env::var("LINKEDIN_LI_AT"),
        std::env::var("LINKEDIN_JSESSIONID"),
    ) {
        let linkedin = Linkedin::builder()
            .login(Login::cookies(li_at, jsessionid))
            .build()
            .await?;
        return Ok((linkedin, None));
    }
    let sandbox = Sandbox::start(SandboxConfig::default()).await?;
    eprintln!(
        "(no LINKEDIN_LI_AT / LINKEDIN_JSESSIONID: using an embedded sandbox at {})",
        sandbox.base_url()
    );
    let linkedin = Linkedin::builder()
        .base_url(sandbox.base_url())
        .login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .build()
        .await?;
    Ok((linkedin, Some(sandbox)))
}
