package keeper

import (
	"context"
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/classify"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/reader"
)

// unsureReply delivers one reply from smith that the classifier reads as
// a strong yes it is not sure of.
func unsureReply(t *testing.T) (*Keeper, context.Context) {
	t.Helper()
	k := bare(t)
	k.classify = func(m *reader.Message) classify.Result {
		return classify.Result{Kind: classify.StrongYes, Confidence: 0.61, Unsure: true,
			Reason: `agrees: "count me in"`, Evidence: []string{"Count me in, though I did not supervise you directly."}}
	}
	ctx := context.Background()
	raw := []byte("From: jsmith@hospital.test\r\nTo: amara@inbox.test\r\nSubject: Re: letter\r\nMessage-ID: <u1@x>\r\n" +
		"Content-Type: text/plain\r\n\r\nCount me in, though I did not supervise you directly.\r\n")
	if err := k.Deliver(ctx, "INBOX", 1, []Incoming{{UID: 1, Raw: raw}}); err != nil {
		t.Fatal(err)
	}
	return k, ctx
}

func smithRow(t *testing.T, k *Keeper, ctx context.Context) Row {
	t.Helper()
	rows, err := k.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Writer == "smith" {
			return r
		}
	}
	t.Fatal("no row for smith")
	return Row{}
}

// TestUnsureReplyAsksToBeRead: a reply the classifier is not sure of
// moves the letter by its best guess, and the applicant is told, in the
// status and the digest, to read it and which command settles it.
func TestUnsureReplyAsksToBeRead(t *testing.T) {
	k, ctx := unsureReply(t)
	r := smithRow(t, k, ctx)
	if r.Unsure == nil || r.Unsure.Confidence != 0.61 || r.Unsure.Reason != `agrees: "count me in"` {
		t.Fatalf("unsure: %+v", r.Unsure)
	}
	if !strings.Contains(r.NextStep, "not sure") || !strings.Contains(r.NextStep, "61% sure") ||
		!strings.Contains(r.NextStep, "lorkeeper correct smith") {
		t.Errorf("next step: %s", r.NextStep)
	}
	if r.State != string(letters.Agreed) {
		t.Errorf("state %s: the best guess should still apply", r.State)
	}
	d, err := k.Digest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "NOT SURE") || !strings.Contains(d.Text, "Count me in") || !strings.Contains(d.Subject, "1 reply to read") {
		t.Errorf("digest does not ask to read it:\n%s\n%s", d.Subject, d.Text)
	}
	if due, _ := k.DigestDue(ctx); !due {
		t.Error("digest not due while a reply waits to be read")
	}

	// Right after all: confirming changes nothing but the doubt.
	o, err := k.Correct(ctx, "smith", letters.StrongYes, ByCommandLine)
	if err != nil {
		t.Fatal(err)
	}
	if o.Changed || len(o.Draft) > 0 {
		t.Errorf("confirming changed the letter: %+v", o)
	}
	if r := smithRow(t, k, ctx); r.Unsure != nil || r.State != string(letters.Agreed) {
		t.Errorf("after confirming: unsure %+v, state %s", r.Unsure, r.State)
	}
}

// TestSettingTheStateSettlesTheDoubt: the applicant who read the reply
// and set the letter themselves is not asked again; correcting it to
// another kind settles it too.
func TestSettingTheStateSettlesTheDoubt(t *testing.T) {
	k, ctx := unsureReply(t)
	if _, err := k.Set(ctx, "smith", letters.Waiting, ByDashboard); err != nil {
		t.Fatal(err)
	}
	if r := smithRow(t, k, ctx); r.Unsure != nil {
		t.Errorf("still unsure after set: %+v", r.Unsure)
	}

	k, ctx = unsureReply(t)
	if _, err := k.Correct(ctx, "smith", letters.Hesitant, ByCommandLine); err != nil {
		t.Fatal(err)
	}
	r := smithRow(t, k, ctx)
	if r.Unsure != nil || r.State != string(letters.Flagged) {
		t.Errorf("after correcting: unsure %+v, state %s", r.Unsure, r.State)
	}
}
