//! Starting a sandbox and a transport pointed at it.

use std::time::Duration;

use linkedin_sandbox::{Faults, RequestRecord, Sandbox, SandboxConfig, SandboxHandle};
use linkedin_transport::{RetryPolicy, Transport, TransportBuilder};

pub use linkedin_sandbox::{CHALLENGE_USERNAME, DEMO_PASSWORD, DEMO_USERNAME};

/// A sandbox over HTTP or HTTPS with these faults, keeping its requests in memory (the
/// tests read them with `requests()`).
pub async fn sandbox(tls: bool, faults: Faults) -> SandboxHandle {
    Sandbox::start(SandboxConfig {
        tls,
        faults,
        keep_requests: true,
        ..SandboxConfig::default()
    })
    .await
    .expect("the sandbox starts")
}

/// A transport for the sandbox's own URL (`http://127.0.0.1:<port>` or `https://...`),
/// trusting its CA; retries are quick so fault tests stay short.
pub fn transport(sandbox: &SandboxHandle) -> TransportBuilder {
    let builder = Transport::builder(sandbox.base_url()).retries(quick_retries());
    match sandbox.ca_der() {
        Some(ca) => builder.add_root_certificate(ca.to_vec()),
        None => builder,
    }
}

/// A transport for `https://www.linkedin.com` whose connections go to the sandbox (which
/// must serve TLS): the Host header, TLS name and cookie domain are LinkedIn's.
pub fn linkedin(sandbox: &SandboxHandle) -> TransportBuilder {
    Transport::builder("https://www.linkedin.com")
        .resolve(sandbox.addr())
        .add_root_certificate(sandbox.ca_der().expect("a TLS sandbox").to_vec())
        .retries(quick_retries())
}

pub fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 4,
        min_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(50),
        max_retry_after: Duration::from_secs(5),
    }
}

/// The sandbox's records of requests to `path` with `method`.
pub fn requests_to(sandbox: &SandboxHandle, method: &str, path: &str) -> Vec<RequestRecord> {
    sandbox
        .requests()
        .into_iter()
        .filter(|r| r.method == method && r.path == path)
        .collect()
}
