package cli

import (
	"fmt"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/secrets"
)

// printMailbox shows where the mailbox is and how lorkeeper signs in, and
// what of it the provider preset filled in.
func (c *cmd) printMailbox(cfg *config.Config) {
	r := cfg.Resolved
	switch {
	case r.IMAP != nil && r.Inferred:
		c.out("\nMailbox: %s (provider %q, chosen from the address %s)\n", r.IMAP.Title, r.IMAP.Name, cfg.Applicant.Email)
	case r.IMAP != nil:
		c.out("\nMailbox: %s (provider %q)\n", r.IMAP.Title, r.IMAP.Name)
	default:
		c.out("\nMailbox: no provider preset; every server setting is the config's\n")
	}
	from := func(keys ...string) string {
		for _, k := range keys {
			if cfg.FilledByPreset(k) {
				return "  (preset)"
			}
		}
		return ""
	}
	c.out("  imap     %s:%d, %s%s\n", cfg.IMAP.Host, cfg.IMAP.Port, cfg.IMAP.Security, from("imap.host", "imap.port", "imap.security"))
	c.out("  smtp     %s:%d, %s%s\n", cfg.SMTP.Host, cfg.SMTP.Port, cfg.SMTP.Security, from("smtp.host", "smtp.port", "smtp.security"))
	c.out("  sign-in  imap: %s\n", c.signIn(cfg, cfg.IMAP.Secret))
	c.out("           smtp: %s\n", c.signIn(cfg, cfg.SMTP.Secret))
	sent := cfg.IMAP.SentMailbox
	switch {
	case sent != "":
		sent = fmt.Sprintf("%q (the config's)", sent)
	case cfg.IMAP.SentFallback != "":
		sent = fmt.Sprintf("the one the server marks \\Sent, else %q", cfg.IMAP.SentFallback)
	default:
		sent = "the one the server marks \\Sent, else Sent, Sent Items or Sent Messages"
	}
	copyNote := map[string]string{
		"none":   "the server files sent mail itself, so lorkeeper adds no copy",
		"append": "lorkeeper adds a copy of what it sends",
		"auto":   "lorkeeper adds a copy unless the server files sent mail itself (Gmail, Microsoft)",
	}[cfg.SMTP.SentCopy]
	c.out("  sent     %s; %s (sent_copy = %q)%s\n", sent, copyNote, cfg.SMTP.SentCopy, from("smtp.sent_copy"))
	if cfg.DraftsInMailbox() {
		drafts := cfg.IMAP.DraftsMailbox
		switch {
		case drafts != "":
			drafts = fmt.Sprintf("%q (the config's)", drafts)
		case cfg.IMAP.DraftsFallback != "":
			drafts = fmt.Sprintf("the one the server marks \\Drafts, else %q", cfg.IMAP.DraftsFallback)
		default:
			drafts = "the one the server marks \\Drafts, else Drafts"
		}
		c.out("  drafts   %s\n", drafts)
	}
	if id := cfg.Portals.AuthservID; id != "" {
		c.out("  trusted  Authentication-Results of %s for portal notices (portals.authserv_id)%s\n", id, from("portals.authserv_id"))
	}
}

// signIn says how a section logs in, never with the secret.
func (c *cmd) signIn(cfg *config.Config, s config.Secret) string {
	mech := s.OAuth2Mechanism
	if mech == "" {
		mech = "xoauth2"
	}
	switch {
	case s.Auth == "oauth2":
		return fmt.Sprintf("OAuth2 (%s) with %s, %s sign-in; tokens from `lorkeeper login`, kept in %s", mech, cfg.OAuth.Issuer, cfg.OAuth.Flow,
			secrets.Open(cfg.State, cfg.Secrets, nil).Where())
	case s.OAuth2TokenCmd != "":
		return fmt.Sprintf("OAuth2 (%s), token from oauth2_token_cmd", mech)
	case s.PasswordEnv != "":
		return "password from $" + s.PasswordEnv
	case s.PasswordCmd != "":
		return "password from password_cmd"
	case s.PasswordKeyring:
		return "app password kept in " + secrets.Open(cfg.State, cfg.Secrets, nil).Where()
	}
	return "none"
}
