package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/cli"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(context.Background(), args, cli.Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] },
	})
	return result{code, out.String(), errb.String()}
}

func TestBadConfigReportsEveryProblem(t *testing.T) {
	r := run(t, nil, "--config", "../config/testdata/bad.toml", "check")
	if r.code == 0 {
		t.Fatal("check accepted a bad config")
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) < 15 {
		t.Errorf("%d problems reported, want every one:\n%s", len(lines), r.stderr)
	}
	for _, l := range lines {
		if !strings.Contains(l, "bad.toml:") {
			t.Errorf("problem without file and line: %q", l)
		}
	}
}

func TestExampleConfigRunCreatesDrafts(t *testing.T) {
	// The example config points at servers that do not exist here: run
	// --once plans the drafts and then reports the connection failure.
	dir := t.TempDir()
	data, _ := os.ReadFile("../config.example.toml")
	materials, _ := filepath.Abs("../example/materials")
	text := strings.ReplaceAll(string(data), `"example/materials/`, `"`+materials+"/")
	cfg := filepath.Join(dir, "lorkeeper.toml")
	os.WriteFile(cfg, []byte(text), 0o600)
	env := map[string]string{"LORKEEPER_IMAP_PASSWORD": "x", "LORKEEPER_SMTP_PASSWORD": "x"}
	r := run(t, env, "--config", cfg, "run", "--once")
	if r.code == 0 {
		t.Logf("run --once succeeded unexpectedly: %s", r.stderr)
	}
	r = run(t, env, "--config", cfg, "drafts", "--json")
	if r.code != 0 {
		t.Fatalf("drafts --json: %s", r.stderr)
	}
	var drafts []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &drafts); err != nil {
		t.Fatal(err)
	}
	if len(drafts) != 4 {
		t.Fatalf("%d drafts, want one per writer:\n%s", len(drafts), r.stdout)
	}
	for _, d := range drafts {
		for _, k := range []string{"id", "writer", "template", "subject"} {
			if _, ok := d[k]; !ok {
				t.Errorf("draft lacks %q: %v", k, d)
			}
		}
	}
	r = run(t, env, "--config", cfg, "drafts", "show", "1")
	for _, want := range []string{"To: Dr. Jane Smith <jsmith@hospital.example>", "Dear Dr. Smith", "CT chest rotation", "Amara Okafor"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("drafts show 1 lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestFullCycleThroughTheCLI(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	cfg := e.Config
	r := run(t, nil, "--config", cfg, "run", "--once")
	if r.code != 0 {
		t.Fatalf("run --once: %s", r.stderr)
	}
	if n := len(e.Sys.Sent()); n != 0 {
		t.Fatalf("%d messages sent before approval", n)
	}
	r = run(t, nil, "--config", cfg, "drafts", "approve", "1", "2", "3", "4")
	if r.code != 0 {
		t.Fatalf("approve: %s", r.stderr)
	}
	if r := run(t, nil, "--config", cfg, "run", "--once"); r.code != 0 {
		t.Fatalf("run --once: %s", r.stderr)
	}
	if n := len(e.Sys.Sent()); n != 4 {
		t.Fatalf("%d messages sent after approving 4", n)
	}
	// Dr. Nguyen answers hesitantly.
	e.Sys.Deliver(testenv.Applicant, "INBOX", []byte("From: lnguyen@clinic.test\r\nTo: amara@inbox.test\r\n"+
		"Subject: Re: letter\r\nMessage-ID: <n1@clinic.test>\r\n\r\nI can write you a standard letter.\r\n"), e.Clock.Now())
	if r := run(t, nil, "--config", cfg, "run", "--once"); r.code != 0 {
		t.Fatalf("run --once: %s", r.stderr)
	}
	r = run(t, nil, "--config", cfg, "status", "--json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("status --json: %v\n%s", err, r.stdout)
	}
	states := map[string]string{}
	for _, row := range rows {
		for _, k := range []string{"writer", "email", "state", "last_reply_kind", "flagged"} {
			if _, ok := row[k]; !ok {
				t.Errorf("row lacks %q", k)
			}
		}
		states[row["writer"].(string)] = row["state"].(string)
		if row["writer"] == "nguyen" && (row["flagged"] != true || row["last_reply_kind"] != "hesitant") {
			t.Errorf("nguyen: %v", row)
		}
	}
	want := map[string]string{"smith": "asked", "patel": "waiting", "nguyen": "flagged", "adeyemi": "asked"}
	for w, s := range want {
		if states[w] != s {
			t.Errorf("%s is %s, want %s", w, states[w], s)
		}
	}
	r = run(t, nil, "--config", cfg, "status")
	if !strings.Contains(r.stdout, "FLAGGED") || !strings.Contains(r.stdout, `"I can write you a standard letter."`) {
		t.Errorf("status text:\n%s", r.stdout)
	}
	r = run(t, nil, "--config", cfg, "resolve", "nguyen", "drop")
	if r.code != 0 || !strings.Contains(r.stdout, "dropped") {
		t.Errorf("resolve: %d %s %s", r.code, r.stdout, r.stderr)
	}
	r = run(t, nil, "--config", cfg, "mark", "smith", "uploaded")
	if r.code != 0 || !strings.Contains(r.stdout, "Drafted for you to review: the thank-you") {
		t.Errorf("mark: %s %s", r.stdout, r.stderr)
	}
	r = run(t, nil, "--config", cfg, "status", "smith")
	if !strings.Contains(r.stdout, "mark (asked -> uploaded)") {
		t.Errorf("history:\n%s", r.stdout)
	}
	r = run(t, nil, "--config", cfg, "digest")
	if r.code != 0 || !strings.Contains(r.stdout, "Subject: Your letters: 1 uploaded") {
		t.Errorf("digest: %s %s", r.stdout, r.stderr)
	}
	r = run(t, nil, "--config", cfg, "digest", "--send")
	if r.code != 0 {
		t.Errorf("digest --send: %s", r.stderr)
	}
	inbox, _ := e.Sys.Messages(testenv.Applicant, "INBOX")
	if !strings.Contains(string(inbox[len(inbox)-1]), "Subject: Your letters") {
		t.Error("the digest did not reach the applicant")
	}
}

func TestErrorsAreOneLine(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	for _, args := range [][]string{
		{"resolve", "nobody", "keep"},
		{"drafts", "approve", "99"},
		{"drafts", "approve", "abc"},
	} {
		r := run(t, nil, append([]string{"--config", e.Config}, args...)...)
		if r.code == 0 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

func TestClassifyNeedsNoConfig(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "r.eml")
	os.WriteFile(f, []byte("From: a@b.test\r\nSubject: Re: letter\r\n\r\nI'm afraid I can't write a letter for you.\r\n"), 0o600)
	r := run(t, nil, "--config", "/nonexistent.toml", "classify", f, filepath.Join(dir, "missing.eml"))
	if r.code == 0 {
		t.Error("a missing file did not fail the command")
	}
	var line struct {
		File     string   `json:"file"`
		Kind     string   `json:"kind"`
		Evidence []string `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(strings.Split(r.stdout, "\n")[0]), &line); err != nil {
		t.Fatalf("%v: %q", err, r.stdout)
	}
	if line.File != f || line.Kind != "decline" || len(line.Evidence) == 0 {
		t.Errorf("%+v", line)
	}
}

func TestEditDraft(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	run(t, nil, "--config", e.Config, "run", "--once")
	script := filepath.Join(t.TempDir(), "ed.sh")
	os.WriteFile(script, []byte("#!/bin/sh\nsed -i 's/^Subject: .*/Subject: A new subject/; s/Thank you again/Many thanks/' \"$1\"\n"), 0o755)
	r := run(t, map[string]string{"EDITOR": script}, "--config", e.Config, "drafts", "edit", "1")
	if r.code != 0 {
		t.Fatalf("edit: %s", r.stderr)
	}
	r = run(t, nil, "--config", e.Config, "drafts", "show", "1")
	if !strings.Contains(r.stdout, "Subject: A new subject") || !strings.Contains(r.stdout, "Many thanks") {
		t.Errorf("edit not kept:\n%s", r.stdout)
	}
	run(t, nil, "--config", e.Config, "drafts", "approve", "1")
	run(t, nil, "--config", e.Config, "run", "--once")
	sent := e.Sys.Sent()
	if len(sent) != 1 || !strings.Contains(string(sent[0].Data), "Subject: A new subject") || !strings.Contains(string(sent[0].Data), "Many thanks") {
		t.Errorf("the edit is not what was sent")
	}
}
