// Package senderauth tells whether a message really comes from the
// domain in its From header: anyone can write "From: notices@aamc.org",
// and a forged upload notice must not move a letter to "uploaded".
//
// Two proofs count. First, the Authentication-Results header that the
// applicant's own provider added when the message arrived (RFC 8601):
// only the topmost one carrying the configured authserv-id, because a
// sender can add headers of its own below it; it proves the sender with
// dmarc=pass for the From domain, or dkim=pass by an aligned domain.
// Second, a DKIM signature (RFC 6376) by an aligned domain that lorkeeper
// verifies itself, with go-msgauth, looking up the key in DNS.
package senderauth

import (
	"bufio"
	"bytes"
	"fmt"
	"net/textproto"
	"strings"

	"github.com/emersion/go-msgauth/authres"
	"github.com/emersion/go-msgauth/dkim"
)

// Options say whom to trust.
type Options struct {
	// AuthservID is the authserv-id of the applicant's provider (for
	// Gmail, "mx.google.com"); "" trusts no Authentication-Results.
	AuthservID string
	// LookupTXT resolves DKIM keys; nil uses the system resolver.
	LookupTXT func(domain string) ([]string, error)
}

// Result is the verdict on one message.
type Result struct {
	OK  bool
	How string // what proved it, or why nothing did, in plain words
}

// Check verifies that raw (a whole message; a truncated one fails DKIM)
// comes from the domain of from. It does DNS lookups unless
// opts.LookupTXT is set, and never returns an error: what cannot be
// proven is not OK.
func Check(raw []byte, from string, opts Options) Result {
	at := strings.LastIndexByte(from, '@')
	if at < 0 {
		return Result{How: "the sender has no address"}
	}
	domain := strings.ToLower(from[at+1:])
	if opts.AuthservID != "" {
		if r, ok := fromAuthResults(raw, domain, opts.AuthservID); ok {
			return r
		}
	}
	return fromDKIM(raw, domain, opts.LookupTXT)
}

// fromAuthResults reads the topmost Authentication-Results header of
// authservID; ok is false when there is none.
func fromAuthResults(raw []byte, domain, authservID string) (Result, bool) {
	h, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(raw))).ReadMIMEHeader()
	if err != nil && len(h) == 0 {
		return Result{}, false
	}
	for _, v := range h.Values("Authentication-Results") {
		id, results, err := authres.Parse(v)
		if err != nil || !strings.EqualFold(id, authservID) {
			continue
		}
		for _, r := range results {
			switch r := r.(type) {
			case *authres.DMARCResult:
				if r.Value == authres.ResultPass && aligned(strings.ToLower(r.From), domain) {
					return Result{OK: true, How: fmt.Sprintf("your provider (%s) checked it: DMARC pass for %s", authservID, domain)}, true
				}
			case *authres.DKIMResult:
				d := strings.ToLower(r.Domain)
				if d == "" && strings.Contains(r.Identifier, "@") {
					d = strings.ToLower(r.Identifier[strings.LastIndexByte(r.Identifier, '@')+1:])
				}
				if r.Value == authres.ResultPass && aligned(d, domain) {
					return Result{OK: true, How: fmt.Sprintf("your provider (%s) checked it: DKIM pass for %s", authservID, d)}, true
				}
			}
		}
		// Only the topmost header of the provider counts.
		return Result{How: fmt.Sprintf("your provider (%s) found no DMARC or DKIM pass for %s", authservID, domain)}, true
	}
	return Result{}, false
}

func fromDKIM(raw []byte, domain string, lookup func(string) ([]string, error)) Result {
	vs, err := dkim.VerifyWithOptions(bytes.NewReader(raw), &dkim.VerifyOptions{LookupTXT: lookup, MaxVerifications: 5})
	if err != nil && len(vs) == 0 {
		return Result{How: "its DKIM signatures could not be checked: " + err.Error()}
	}
	if len(vs) == 0 {
		return Result{How: "it carries no DKIM signature"}
	}
	for _, v := range vs {
		if v.Err == nil && aligned(strings.ToLower(v.Domain), domain) {
			return Result{OK: true, How: "valid DKIM signature of " + v.Domain}
		}
	}
	return Result{How: "no valid DKIM signature of " + domain}
}

// aligned reports relaxed alignment (RFC 7489): the two domains are the
// same or one is a subdomain of the other, and neither is a bare
// top-level domain.
func aligned(d, from string) bool {
	if d == "" || !strings.Contains(d, ".") || !strings.Contains(from, ".") {
		return false
	}
	return d == from || strings.HasSuffix(from, "."+d) || strings.HasSuffix(d, "."+from)
}
