package cli_test

import (
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/internal/testenv"
)

// Help goes to stdout with status 0, however it is asked for.
func TestHelpConventions(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"help", "status"}, {"status", "--help"}, {"drafts", "--help"}, {"run", "-h"}} {
		r := run(t, nil, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "usage: lorkeeper") || r.stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	if r := run(t, nil, "help", "status"); !strings.Contains(r.stdout, "status [--json] [WRITER]") {
		t.Errorf("help status: %q", r.stdout)
	}
	if r := run(t, nil, "--version"); r.code != 0 || !strings.HasPrefix(r.stdout, "lorkeeper ") {
		t.Errorf("--version: %d %q", r.code, r.stdout)
	}
}

// An unknown command points to the one meant.
func TestUnknownCommandSuggests(t *testing.T) {
	for cmd, want := range map[string]string{"approve": "lorkeeper drafts approve", "stauts": "lorkeeper status", "chek": "lorkeeper check"} {
		r := run(t, nil, cmd, "1")
		if r.code == 0 || !strings.Contains(r.stderr, want) {
			t.Errorf("%s: exit %d, %q", cmd, r.code, r.stderr)
		}
	}
}

// --config works after the command too; a missing config says how to
// make one.
func TestConfigFlagAnywhereAndMissingConfig(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	before := run(t, nil, "--config", e.Config, "status", "--json")
	after := run(t, nil, "status", "--json", "--config", e.Config)
	eq := run(t, nil, "status", "--config="+e.Config, "--json")
	if before.code != 0 || after.stdout != before.stdout || eq.stdout != before.stdout {
		t.Errorf("--config after the command: %d %q / %q / %q", before.code, before.stderr, after.stderr, eq.stderr)
	}
	r := run(t, nil, "--config", e.Dir+"/nope.toml", "status")
	if r.code == 0 || !strings.Contains(r.stderr, "lorkeeper setup") || !strings.Contains(r.stderr, "lorkeeper init") || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("missing config: %d %q", r.code, r.stderr)
	}
}

// set and correct show in the writer's history, with who did them.
func TestSetAndCorrectInHistory(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	run(t, nil, "--config", e.Config, "run", "--once")
	r := run(t, nil, "--config", e.Config, "set", "adeyemi", "declined")
	if r.code != 0 || !strings.Contains(r.stdout, "undo") {
		t.Fatalf("set: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, nil, "--config", e.Config, "set", "adeyemi", "gone"); r.code == 0 || !strings.Contains(r.stderr, "declined") {
		t.Errorf("bad state: %q", r.stderr)
	}
	if r := run(t, nil, "--config", e.Config, "correct", "adeyemi", "decline"); r.code == 0 || !strings.Contains(r.stderr, "no reply") {
		t.Errorf("correct without a reply: %q", r.stderr)
	}
	h := run(t, nil, "--config", e.Config, "status", "adeyemi")
	if !strings.Contains(h.stdout, "set from") || !strings.Contains(h.stdout, "you, on the command line") {
		t.Errorf("history:\n%s", h.stdout)
	}
	if r := run(t, nil, "--config", e.Config, "undo", "adeyemi"); r.code != 0 {
		t.Errorf("undo: %q", r.stderr)
	}
}
