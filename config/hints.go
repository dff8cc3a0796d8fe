package config

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"syscall"
)

// ExplainConnect adds to a failed connection to the imap or smtp server
// the setting that most likely fixes it: a port that speaks STARTTLS
// while security says tls (or the reverse), a certificate from a private
// CA, nothing listening, a host name that does not resolve. Errors it
// cannot explain are returned as they are. The result wraps err.
func ExplainConnect(section, security string, port int, err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	var rh tls.RecordHeaderError
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	var dns *net.DNSError
	var hint string
	switch {
	case errors.As(err, &rh) || strings.Contains(msg, "first record does not look like a TLS handshake"):
		hint = fmt.Sprintf("port %d does not speak TLS from the first byte; if it offers STARTTLS, set %s.security = \"starttls\" (or use the provider's TLS port, %s)", port, section, map[string]string{"imap": "993", "smtp": "465"}[section])
	case security == "starttls" && (errors.Is(err, os.ErrDeadlineExceeded) || strings.Contains(msg, "EOF") || strings.Contains(msg, "malformed") || strings.Contains(msg, "short response")):
		hint = fmt.Sprintf("port %d may expect TLS from the first byte; if so, set %s.security = \"tls\"", port, section)
	case errors.As(err, &ua):
		hint = fmt.Sprintf("the server's certificate is not from a known authority; if your server uses its own CA, set %s.ca_file", section)
	case errors.As(err, &hn):
		hint = fmt.Sprintf("the certificate is not for this host name; check %s.host", section)
	case errors.As(err, &dns):
		hint = fmt.Sprintf("the host name does not resolve; check %s.host", section)
	case errors.Is(err, syscall.ECONNREFUSED):
		hint = fmt.Sprintf("nothing listens there; check %s.host and %s.port", section, section)
	default:
		return err
	}
	return fmt.Errorf("%w (%s)", err, hint)
}

// Describe names where a secret comes from, for messages: the setting,
// never the secret.
func (s Secret) Describe(section string) string {
	switch {
	case s.PasswordEnv != "":
		return fmt.Sprintf("%s.password_env = %s", section, s.PasswordEnv)
	case s.PasswordCmd != "":
		return fmt.Sprintf("the output of %s.password_cmd", section)
	case s.PasswordKeyring:
		return fmt.Sprintf("the password kept in the OS keyring (%s.password_keyring)", section)
	case s.OAuth2TokenCmd != "":
		return fmt.Sprintf("the token from %s.oauth2_token_cmd", section)
	}
	return section + " (no secret configured)"
}
