//! `linkedin doctor`: every read capability once, and what came of it.

use clap::Args;
use linkedin_api::{Check, Health};

use crate::account::Connection;
use crate::exit::Failure;
use crate::output::Out;

#[derive(Args, Debug)]
#[command(after_help = "Example: linkedin doctor --only search --only messages")]
pub(crate) struct DoctorArgs {
    /// Check only this area (repeatable): session, profile, company, jobs, search, messages,
    /// invitations, feed.
    #[arg(long, value_name = "AREA", value_parser = area)]
    only: Vec<String>,
    /// Also write a report to attach to a bug report: the checks, and every request with
    /// its answer's key skeleton (no header, cookie or token; ids and values replaced).
    #[arg(long, value_name = "FILE")]
    report: Option<std::path::PathBuf>,
}

/// An area of `--only` (and of the MCP tool `doctor`), checked against the facade's.
pub(crate) fn area(text: &str) -> Result<String, String> {
    if linkedin_api::DOCTOR_AREAS.contains(&text) {
        Ok(text.to_owned())
    } else {
        Err(format!(
            "{text:?} is not an area: {}",
            linkedin_api::DOCTOR_AREAS.join(", ")
        ))
    }
}

/// Runs the checks and prints them; the status says whether all is well (0), an endpoint
/// moved (6), LinkedIn asked for a check (4), or something else failed (8).
pub(crate) async fn run(args: DoctorArgs, conn: &Connection, out: Out) -> Result<(), Failure> {
    let session = conn.connect().await?;
    let only: Vec<&str> = args.only.iter().map(String::as_str).collect();
    let checks = match &args.report {
        Some(file) => {
            let report = session.linkedin.doctor_report(&only).await?;
            let json = serde_json::to_vec_pretty(&report)
                .map_err(|e| Failure::internal(format!("cannot write the report: {e}")))?;
            std::fs::write(file, json).map_err(|e| {
                Failure::usage(format!(
                    "cannot write the report to {}: {e}",
                    file.display()
                ))
            })?;
            out.note(&format!("report written to {}", file.display()))?;
            report.checks
        }
        None => session.linkedin.doctor(&only).await?,
    };
    out.list(checks.clone(), |c| line(c, out)).await?;
    let code = checks
        .iter()
        .fold(0, |code, c| code.max(severity(&c.health)));
    match code {
        0 => Ok(()),
        code => Err(Failure {
            code: match code {
                3 => 4,
                2 => 6,
                _ => 8,
            },
            message: format!(
                "{} of {} checks are not well: see above",
                checks
                    .iter()
                    .filter(|c| !c.health.is_fine() && severity(&c.health) > 0)
                    .count(),
                checks.len()
            ),
        }),
    }
}

/// 0 fine or not checked, 1 refused, 2 moved (retired, stale, shape), 3 the account stopped.
fn severity(health: &Health) -> u8 {
    match health {
        Health::Refused { reason }
            if reason.contains("security check") || reason.contains("stopped to protect") =>
        {
            3
        }
        Health::Retired { .. } | Health::ShapeMoved { .. } | Health::Stale { .. } => 2,
        Health::Refused { .. } => 1,
        _ => 0,
    }
}

fn line(c: &Check, out: Out) -> String {
    let what = match &c.health {
        Health::Working => out.bold("working"),
        Health::Healed { endpoint, old, new } => {
            format!("{} ({endpoint}: {old} → {new})", out.bold("healed"))
        }
        Health::Retired { endpoint } => format!("{} ({endpoint})", out.bold("retired")),
        Health::ShapeMoved { endpoint, path } => {
            format!("{} ({endpoint} at {path})", out.bold("shape moved"))
        }
        Health::Stale { endpoint, id } => format!("{} ({endpoint}: {id})", out.bold("stale id")),
        Health::Refused { reason } => format!("{}: {reason}", out.bold("refused")),
        Health::NotChecked { reason } => format!("not checked: {reason}"),
        _ => format!("{:?}", c.health),
    };
    let advice = if c.health == Health::Working {
        String::new()
    } else {
        format!("\n    {}", out.dim(&c.advice))
    };
    format!("{:<12} {:<24} {what}{advice}", c.area, c.capability)
}
