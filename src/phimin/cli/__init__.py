"""The `redact` command: a shell filter and a pre-commit check for clinical text.

Reading order: `main` parses flags and settings and maps errors to exit codes
(`exit_codes`); `filter_mode` redacts stdin or files to stdout, a file or in place;
`check` scans files for pre-commit. Both stream the input through `document`, which
feeds `Redactor.redact_stream` and places findings at line:col. With `--vault`,
`filter_mode` redacts whole inputs through a `Session` kept in the vault (`vault`
opens it); `restore_mode` puts the originals back into an LLM's draft without the
model. Nothing here imports the model until a command actually runs, so `redact
--help` stays fast.
"""
