package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/inbox"
	"github.com/lorkeeper/lorkeeper/oauth"
	"github.com/lorkeeper/lorkeeper/secrets"
)

// login signs the applicant in with OAuth2 (Google: the browser, with
// PKCE and a loopback redirect; Microsoft: a device code), keeps the
// grant in the OS keyring or the secrets file, and checks that the
// mailbox accepts it.
func (c *cmd) login(ctx context.Context, args []string) error {
	var device, browser, noBrowser bool
	if _, err := flags("login", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&device, "device", false, "sign in with a code entered on another device")
		fs.BoolVar(&browser, "browser", false, "sign in in this machine's browser")
		fs.BoolVar(&noBrowser, "no-browser", false, "print the address instead of opening a browser")
	}); err != nil {
		return err
	}
	cfg, err := config.Load(c.configPath)
	if err != nil {
		return err
	}
	if !cfg.UsesOAuth() {
		return loginNotUsed(cfg)
	}
	p := oauth.FromConfig(cfg)
	switch {
	case device && browser:
		return usagef("login: give --device or --browser, not both")
	case device:
		if p.DeviceAuthURL == "" {
			return fmt.Errorf("login: %s does not offer the device-code sign-in for mail; run `lorkeeper login` without --device", p.Issuer)
		}
		p.Flow = "device"
	case browser:
		p.Flow = "browser"
	}
	st := secrets.Open(cfg.State, cfg.Secrets, c.env.Log)
	l := &oauth.Login{Provider: p, Out: c.env.Stdout}
	if !noBrowser {
		l.Open = func(url string) error { return openBrowser(c.env, url) }
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Minute)
	defer cancel()
	for _, user := range oauthUsers(cfg) {
		l.User = user
		g, err := l.Run(ctx)
		if err != nil {
			return fmt.Errorf("login: %w", err)
		}
		where, err := oauth.Save(st, p, user, g)
		if err != nil {
			return fmt.Errorf("login: keep the sign-in: %w", err)
		}
		if where != "the OS keyring" {
			where += " (readable by you only)"
		}
		c.out("Signed in to %s as %s. The sign-in is kept in %s.\n", p.Issuer, user, where)
		if ends := g.Ends(p); ends != "" {
			c.out("%s\n", ends)
		}
	}
	oauth.Attach(cfg, st, c.env.Log)
	if cfg.IMAP.Auth == "oauth2" {
		ictx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		cl, err := inbox.Dial(ictx, inbox.ServerFor(cfg.IMAP), nil)
		if err != nil {
			return fmt.Errorf("login: the mailbox did not accept the sign-in (was it %s you chose in the browser?): %w", cfg.IMAP.Username, err)
		}
		cl.Logout().Wait()
		cl.Close()
		c.out("The mailbox %s:%d accepted it. Next: `lorkeeper check`.\n", cfg.IMAP.Host, cfg.IMAP.Port)
	}
	return nil
}

// oauthUsers are the distinct accounts that sign in with OAuth2.
func oauthUsers(cfg *config.Config) []string {
	var users []string
	for _, s := range []struct{ auth, user string }{{cfg.IMAP.Auth, cfg.IMAP.Username}, {cfg.SMTP.Auth, cfg.SMTP.Username}} {
		if s.auth == "oauth2" && (len(users) == 0 || !strings.EqualFold(users[0], s.user)) {
			users = append(users, s.user)
		}
	}
	return users
}

// loginNotUsed explains why there is nothing to sign in to.
func loginNotUsed(cfg *config.Config) error {
	if p := cfg.Resolved.IMAP; p != nil && p.OAuth != nil {
		return fmt.Errorf("login: %s signs in with a password in this config; to sign in with %s instead, remove password_env/password_cmd and set [oauth] client_id (README, \"Connect your mailbox\")", cfg.Path, p.OAuth.Issuer)
	}
	if p := cfg.Resolved.IMAP; p != nil {
		return fmt.Errorf("login: %s does not let other apps sign in with OAuth2; it uses %s", p.Title, p.Password)
	}
	return errors.New("login: this config signs in with a password; OAuth2 sign-in needs auth = \"oauth2\" and an [oauth] table")
}
