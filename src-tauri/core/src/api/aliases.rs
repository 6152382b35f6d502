//! Old command names, kept working for one release after the commands were renamed to
//! `<module>_<verb>` (issue 12): the prefix is the folder the command lives in, which is also
//! the change log's `kind`.
//!
//! An old name is resolved to its new one before the registry is searched, so it runs the same
//! command with the same role check; the change log records the new name (command and kind),
//! and `commands` lists only the new names. The renames came after 0.1.0: the old names work
//! through the next release, and this table goes in the one after.

/// (old name, new name).
pub const ALIASES: &[(&str, &str)] = &[
    ("member_groups_list", "members_groups_list"),
    ("member_groups_add", "members_groups_add"),
    ("member_groups_rename", "members_groups_rename"),
    ("member_groups_delete", "members_groups_delete"),
    ("hardship_list", "members_hardship_list"),
    ("hardship_due_for_review", "members_hardship_due_for_review"),
    ("hardship_open", "members_hardship_open"),
    ("hardship_update", "members_hardship_update"),
    ("hardship_close", "members_hardship_close"),
    ("settings_get", "book_settings_get"),
    ("settings_update", "book_settings_update"),
    ("report_audit_texts_save", "audit_report_texts_save"),
    ("approval_queue", "audit_approval_queue"),
    ("approval_list", "audit_approval_list"),
    ("approval_approve", "audit_approval_approve"),
    ("approval_reject", "audit_approval_reject"),
    ("review_list", "audit_review_list"),
    ("review_mark", "audit_review_mark"),
    ("review_queries", "audit_review_queries"),
    ("review_answer", "audit_review_answer"),
    ("review_close_query", "audit_review_close_query"),
    ("review_signoff_status", "audit_review_signoff_status"),
    ("review_signoff", "audit_review_signoff"),
    ("vouchers_draft_save", "ledger_vouchers_draft_save"),
    ("vouchers_draft_get", "ledger_vouchers_draft_get"),
    ("vouchers_draft_list", "ledger_vouchers_draft_list"),
    ("vouchers_draft_delete", "ledger_vouchers_draft_delete"),
    ("vouchers_post", "ledger_vouchers_post"),
    ("vouchers_submit", "ledger_vouchers_submit"),
    ("vouchers_list", "ledger_vouchers_list"),
    ("vouchers_get", "ledger_vouchers_get"),
    ("vouchers_reverse", "ledger_vouchers_reverse"),
    ("vouchers_import_preview", "ledger_vouchers_import_preview"),
    ("vouchers_import", "ledger_vouchers_import"),
    ("entry_categories", "ledger_entry_categories"),
    ("entry_preview", "ledger_entry_preview"),
    ("entry_post", "ledger_entry_post"),
    ("attachments_add", "ledger_attachments_add"),
    ("attachments_list", "ledger_attachments_list"),
    ("attachments_get", "ledger_attachments_get"),
    ("attachments_delete", "ledger_attachments_delete"),
    ("period_status", "ledger_period_status"),
    ("period_list", "ledger_period_list"),
    ("period_events", "ledger_period_events"),
    ("period_set_bank_statement", "ledger_period_set_bank_statement"),
    ("period_close", "ledger_period_close"),
    ("period_reopen", "ledger_period_reopen"),
    ("bank_reconciliation", "ledger_bank_reconciliation"),
    ("bank_tick", "ledger_bank_tick"),
    ("settings_set_controls", "book_settings_set_controls"),
];

/// The current name of a command: the new name for an old one, any other name unchanged.
pub fn resolve(name: &str) -> &str {
    ALIASES.iter().find(|(old, _)| *old == name).map(|(_, new)| *new).unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_leads_to_a_registered_command_and_none_shadows_one() {
        for (old, new) in ALIASES {
            assert!(crate::api::registry::find(new).is_some(), "{old} → {new}: no such command");
            assert!(crate::api::registry::find(old).is_none(), "{old} is still registered under its old name");
            assert_eq!(resolve(old), *new);
        }
        assert_eq!(resolve("welfare_post"), "welfare_post");
    }
}
