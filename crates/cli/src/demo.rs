//! `linkedin demo`: the main capabilities, against an embedded sandbox, as a user would see
//! them.

use crate::exit::Failure;
use crate::output::Out;

pub(crate) async fn run(out: Out) -> Result<(), Failure> {
    let session = crate::account::embedded().await?;
    let li = &session.linkedin;
    if let Some(sandbox) = &session.sandbox {
        out.note(&format!(
            "An embedded LinkedIn sandbox is running at {} (a generated world; no account, no network).",
            sandbox.base_url()
        ))?;
    }
    let me = li.me().await?;
    out.one(&me, |me| {
        format!(
            "\n{}\nLogged in as {} {}: {}",
            out.bold("Who am I"),
            me.first_name,
            me.last_name,
            me.headline.clone().unwrap_or_default()
        )
    })?;
    Ok(())
}
