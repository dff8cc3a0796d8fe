// Package setuptest answers the setup pages (websetup) over HTTP as an
// applicant would, in one way for the tests of websetup, the command
// line and e2e: the pages' field names live here only.
package setuptest

import (
	"bytes"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"testing"
)

// Pages is a running setup: Base is the first page's address with its
// secret, ending in "/".
type Pages struct {
	T    testing.TB
	Base string
}

// Post sends a form to page and returns where it ended (after the
// redirects) and the page shown there.
func (p Pages) Post(page string, vals url.Values) (at, body string) {
	p.T.Helper()
	resp, err := http.PostForm(p.Base+page, vals)
	if err != nil {
		p.T.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.Request.URL.Path, string(b)
}

// Get returns page as shown.
func (p Pages) Get(page string) string {
	p.T.Helper()
	resp, err := http.Get(p.Base + page)
	if err != nil {
		p.T.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// Documents uploads a CV and a personal statement under the file names
// given (each a small PDF saying its field) and returns where it ended.
func (p Pages) Documents(cv, statement string) string {
	p.T.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range [][2]string{{"cv", cv}, {"personal_statement", statement}} {
		w, _ := mw.CreateFormFile(f[0], f[1])
		w.Write([]byte("%PDF-1.4 " + f[0]))
	}
	mw.Close()
	resp, err := http.Post(p.Base+"documents", mw.FormDataContentType(), &body)
	if err != nil {
		p.T.Fatal(err)
	}
	defer resp.Body.Close()
	return resp.Request.URL.Path
}

// You is the first page's answers: an IMG applying to diagnostic
// radiology, with email and the deadline (YYYY-MM-DD).
func You(email, deadline string) url.Values {
	return url.Values{"name": {"Amara Okafor"}, "email": {email}, "aamc_id": {"14598237"},
		"specialty": {"Diagnostic Radiology"}, "background": {"non-US citizen IMG"}, "deadline": {deadline},
		"timezone": {"America/New_York"}}
}

// Servers is the mailbox page's answers for servers lorkeeper has no
// preset for, at the host:port addresses given, unencrypted (loopback),
// with password.
func Servers(imapAddr, smtpAddr, password string) url.Values {
	ih, ip, _ := net.SplitHostPort(imapAddr)
	sh, sp, _ := net.SplitHostPort(smtpAddr)
	return url.Values{"imap_host": {ih}, "imap_port": {ip}, "imap_security": {"none"},
		"smtp_host": {sh}, "smtp_port": {sp}, "smtp_security": {"none"}, "password": {password}}
}

// Writer is one writer's answers: a US radiologist, worked with from
// start to end (YYYY-MM-DD).
func Writer(name, email, start, end string) url.Values {
	return url.Values{"name": {name}, "email": {email}, "us": {"on"}, "radiologist": {"on"},
		"experience": {"CT chest rotation"}, "start": {start}, "end": {end},
		"highlights": {"Presented three cases at noon conference\nRan the protocol list"}}
}
