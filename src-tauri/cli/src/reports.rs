//! `report …`: the books' reports, read without a login (JSON, XLSX or HTML).

use crate::args::{Format, HtmlFormat, JsonOnly, ReportCmd};
use crate::run::{decode, open_existing, CliError};
use serde_json::Value;
use std::path::{Path, PathBuf};
use union_ledger_core::error::CoreError;

pub fn run(db: &Path, report: ReportCmd) -> Result<Value, CliError> {
    let app = open_existing(db)?;
    let (name, args, format, out) = match report {
        ReportCmd::TrialBalance { from, to, format, out, include_zero } => (
            "trial_balance",
            serde_json::json!({"from": from, "to": to, "include_zero": include_zero}),
            format,
            out,
        ),
        ReportCmd::Journal { account, from, to, format, out } => {
            let report = match account.as_str() {
                "101" => "cash_journal",
                "102" => "bank_journal",
                _ => "account_ledger",
            };
            (report, serde_json::json!({"account": account, "from": from, "to": to}), format, out)
        }
        ReportCmd::IncomeStatement { period, format, out } => {
            ("income_statement", serde_json::json!({"period": period}), format, out)
        }
        ReportCmd::Dues { month, format: JsonOnly::Json } => {
            return Ok(app.read("report_dues", serde_json::json!({"month": month}))?);
        }
        ReportCmd::Welfare { year, format: JsonOnly::Json } => {
            return Ok(crate::commands::welfare::report(&app, year)?);
        }
        ReportCmd::Audit { year, format, out } => {
            let args = serde_json::json!({"year": year});
            let (value, text) = match format {
                HtmlFormat::Json => {
                    let v = app.read("report_audit", args)?;
                    let t = serde_json::to_string_pretty(&v).expect("json");
                    (v, t)
                }
                HtmlFormat::Html => {
                    let v = app.read("report_audit_html", args)?;
                    let t = v["html"].as_str().unwrap_or_default().to_string();
                    (v, t)
                }
            };
            return match out {
                Some(out) => {
                    std::fs::write(&out, text).map_err(|e| CoreError::Io(format!("{}：{e}", out.display())))?;
                    Ok(serde_json::json!({ "file": out.display().to_string() }))
                }
                None if matches!(format, HtmlFormat::Html) => {
                    print_out!("{text}");
                    Ok(Value::Null)
                }
                None => Ok(value),
            };
        }
        ReportCmd::Budget { year, through, format: JsonOnly::Json } => {
            return Ok(app.read("report_budget", serde_json::json!({"year": year, "through": through}))?);
        }
        ReportCmd::BalanceSheet { period, format, out } => {
            ("balance_sheet", serde_json::json!({"period": period}), format, out)
        }
    };
    match format {
        Format::Json => Ok(app.read(&format!("report_{name}"), args)?),
        Format::Xlsx => {
            let mut args = args;
            args["report"] = Value::String(name.to_string());
            let file = app.read("report_export_xlsx", args)?;
            let file_name = file["file_name"].as_str().unwrap_or("report.xlsx").to_string();
            let bytes = decode(&file["data_base64"])?;
            let out = out.unwrap_or_else(|| PathBuf::from(file_name));
            std::fs::write(&out, bytes).map_err(|e| CoreError::Io(format!("{}：{e}", out.display())))?;
            Ok(serde_json::json!({ "file": out.display().to_string() }))
        }
    }

}
