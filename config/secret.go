package config

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Credential is what a server login needs. Exactly one of Password and
// Token is set; Token means OAuth2, sent with Mechanism (XOAUTH2 or
// OAUTHBEARER; "" is XOAUTH2).
type Credential struct {
	Username  string
	Password  string
	Token     string
	Mechanism string
	// Refresh, when set, gets a new token after the server refused this
	// one; a login calls it at most once before giving up.
	Refresh func(ctx context.Context) (Credential, error)
}

// String never shows the secret, so a Credential can be logged safely.
func (c Credential) String() string {
	kind := "password"
	if c.Token != "" {
		kind = "oauth2 token"
	}
	return fmt.Sprintf("%s (%s)", c.Username, kind)
}

// Credential reads the secret of the imap or smtp section: from the
// environment, from the password kept in the OS keyring, or by running password_cmd or oauth2_token_cmd with sh -c
// (the first line of its output, at most 10 seconds). It runs the command
// each time, so an OAuth2 token is fresh for each connection. Errors name
// the section and the source but never contain the secret.
func (s Secret) Credential(ctx context.Context, section, username string) (Credential, error) {
	c := Credential{Username: username}
	switch {
	case s.PasswordEnv != "":
		v, ok := os.LookupEnv(s.PasswordEnv)
		if !ok || v == "" {
			return c, fmt.Errorf("environment variable %s (%s.password_env) is not set: set it before starting lorkeeper", s.PasswordEnv, section)
		}
		c.Password = v
	case s.PasswordCmd != "":
		v, err := runSecretCmd(ctx, s.PasswordCmd)
		if err != nil {
			return c, fmt.Errorf("%s.password_cmd: %w", section, err)
		}
		c.Password = v
	case s.PasswordKeyring:
		if s.Passwords == nil {
			return c, errors.New(section + ": the kept password cannot be read (internal: no password source)")
		}
		v, err := s.Passwords.Password(username)
		if err != nil {
			return c, fmt.Errorf("%s.password_keyring: %w", section, err)
		}
		c.Password = v
	case s.OAuth2TokenCmd != "":
		v, err := runSecretCmd(ctx, s.OAuth2TokenCmd)
		if err != nil {
			return c, fmt.Errorf("%s.oauth2_token_cmd: %w", section, err)
		}
		c.Token, c.Mechanism = v, s.mechanism()
	case s.Auth == "oauth2":
		return s.tokenCredential(ctx, section, username)
	default:
		return c, fmt.Errorf("%s: no secret configured: set password_env, password_cmd or oauth2_token_cmd", section)
	}
	return c, nil
}

func runSecretCmd(ctx context.Context, command string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", command)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		// stderr may help, but only its first line, and never stdout.
		msg := strings.TrimSpace(strings.SplitN(errOut.String(), "\n", 2)[0])
		if msg != "" {
			return "", fmt.Errorf("%w: %s", err, msg)
		}
		return "", err
	}
	v := strings.TrimSpace(strings.SplitN(out.String(), "\n", 2)[0])
	if v == "" {
		return "", errors.New("printed nothing")
	}
	return v, nil
}

// TLS returns the TLS settings for a server: certificate verification
// always on, with the certificates in caFile trusted besides the system
// roots when caFile is set. It reads caFile.
func TLS(host, caFile string) (*tls.Config, error) {
	cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if caFile == "" {
		return cfg, nil
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("read ca_file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("read ca_file %s: no PEM certificate in it", caFile)
	}
	cfg.RootCAs = pool
	return cfg, nil
}
