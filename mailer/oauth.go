package mailer

import (
	"errors"
	"net/textproto"
	"strconv"
	"strings"

	"github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"

	"github.com/lorkeeper/lorkeeper/config"
)

// oauthBearer is SMTP AUTH OAUTHBEARER (RFC 7628); go-mail has XOAUTH2
// only. A refused token gets the dummy response %x01, after which the
// server answers 535.
type oauthBearer struct {
	user, token, host string
	port              int
}

func (a *oauthBearer) Start(*smtp.ServerInfo) (string, []byte, error) {
	user := strings.NewReplacer("=", "=3D", ",", "=2C").Replace(a.user)
	return "OAUTHBEARER", []byte("n,a=" + user + ",\x01host=" + a.host + "\x01port=" + strconv.Itoa(a.port) +
		"\x01auth=Bearer " + a.token + "\x01\x01"), nil
}

func (a *oauthBearer) Next(_ []byte, more bool) ([]byte, error) {
	if more {
		return []byte{0x01}, nil
	}
	return nil, nil
}

// authRefused reports whether an SMTP exchange failed at AUTH with the
// server's refusal (535 and the like), not on the way there.
func authRefused(err error) bool {
	var te *textproto.Error
	return err != nil && strings.Contains(err.Error(), "SMTP AUTH failed") && errors.As(err, &te) && te.Code >= 500
}

// tokenAuth is the go-mail option that logs in with cred's token.
func tokenAuth(s Server, cred config.Credential) []mail.Option {
	if cred.Mechanism == "OAUTHBEARER" {
		return []mail.Option{mail.WithSMTPAuthCustom(&oauthBearer{user: cred.Username, token: cred.Token, host: s.Host, port: s.Port})}
	}
	return []mail.Option{mail.WithSMTPAuth(mail.SMTPAuthXOAUTH2), mail.WithPassword(cred.Token)}
}
