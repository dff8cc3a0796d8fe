package keeper

import (
	"context"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/reader"
	"github.com/lorkeeper/lorkeeper/store"
)

// LearnPortal teaches lorkeeper a letter-portal notice it did not know,
// from an example the applicant saved (a .eml file): from then on,
// notices from that sender are watched for, read as portal notices
// (their sender checked like any portal's), and those whose subject
// reads like the example's are taken as uploads.
func (k *Keeper) LearnPortal(ctx context.Context, path string) (store.LearnedPortal, error) {
	f, err := os.Open(path)
	if err != nil {
		return store.LearnedPortal{}, fmt.Errorf("portal learn: %w", err)
	}
	defer f.Close()
	m, _ := reader.Parse(f)
	if m == nil || m.From.Addr == "" {
		return store.LearnedPortal{}, fmt.Errorf("portal learn: %s: no sender found; save the notice as a whole message (.eml)", path)
	}
	if strings.EqualFold(m.From.Addr, k.cfg.Applicant.Email) {
		return store.LearnedPortal{}, fmt.Errorf("portal learn: %s is from you; save the portal's own notice", path)
	}
	for _, w := range k.cfg.Writers {
		if strings.EqualFold(w.Email, m.From.Addr) {
			return store.LearnedPortal{}, fmt.Errorf("portal learn: %s is from %s, a writer, not a portal", path, w.Name)
		}
	}
	p := store.LearnedPortal{Sender: strings.ToLower(m.From.Addr), Subject: strings.Join(subjectWords(m.Subject), " "), Added: k.now()}
	err = k.st.Update(ctx, func(tx *store.Tx) error { return tx.LearnPortal(p) })
	return p, err
}

// subjectWords are the words of a subject that recur from one notice to
// the next: no names, numbers or ids (those with digits or capitals
// inside), lowercased.
func subjectWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && !unicode.IsDigit(r) }) {
		if len([]rune(f)) < 4 || strings.IndexFunc(f, unicode.IsDigit) >= 0 {
			continue
		}
		if r := []rune(f); len(r) > 1 && strings.IndexFunc(string(r[1:]), unicode.IsUpper) >= 0 {
			continue
		}
		out = append(out, strings.ToLower(f))
	}
	return out
}

// portals is who sends upload notices: the config's senders and
// profiles, and the senders the applicant taught.
type portals struct {
	patterns []string
	learned  []store.LearnedPortal
}

func (k *Keeper) portalsTx(tx *store.Tx) (portals, error) {
	learned, err := tx.LearnedPortals()
	return portals{patterns: k.cfg.PortalSenders(), learned: learned}, err
}

func (p portals) is(from string) bool {
	for _, pat := range p.patterns {
		if config.MatchSender(pat, from) {
			return true
		}
	}
	for _, l := range p.learned {
		if strings.EqualFold(l.Sender, from) {
			return true
		}
	}
	return false
}

// learnedUpload reports whether a notice from a taught sender reads like
// the example the applicant gave: at least half its subject's words.
func (p portals) learnedUpload(from, subject string) bool {
	for _, l := range p.learned {
		if !strings.EqualFold(l.Sender, from) {
			continue
		}
		want := strings.Fields(l.Subject)
		if len(want) == 0 {
			return true
		}
		have := map[string]bool{}
		for _, w := range subjectWords(subject) {
			have[w] = true
		}
		n := 0
		for _, w := range want {
			if have[w] {
				n++
			}
		}
		return 2*n >= len(want)
	}
	return false
}
