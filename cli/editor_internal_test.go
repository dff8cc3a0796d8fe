package cli

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func noEditors(string) (string, error) { return "", errors.New("not found") }

// TestChooseEditor: $VISUAL, then $EDITOR (with its arguments), else each
// platform's own: Notepad, the macOS default text editor (waited for),
// nano or vi.
func TestChooseEditor(t *testing.T) {
	only := func(found ...string) func(string) (string, error) {
		return func(name string) (string, error) {
			for _, f := range found {
				if f == name {
					return "/usr/bin/" + name, nil
				}
			}
			return "", errors.New("not found")
		}
	}
	vars := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	for _, tc := range []struct {
		goos   string
		env    func(string) string
		look   func(string) (string, error)
		want   string
		wait   bool
		errHas string
	}{
		{"linux", vars("VISUAL", "code --wait", "EDITOR", "nano"), noEditors, `[sh -c code --wait "$1" sh F]`, false, ""},
		{"linux", vars("EDITOR", "emacs -nw"), noEditors, `[sh -c emacs -nw "$1" sh F]`, false, ""},
		{"linux", vars(), only("nano", "vi"), "[/usr/bin/nano F]", false, ""},
		{"linux", vars(), only("vi"), "[/usr/bin/vi F]", false, ""},
		{"freebsd", vars(), only("vi"), "[/usr/bin/vi F]", false, ""},
		{"linux", vars(), noEditors, "", false, "set $EDITOR to the one to use, for example EDITOR=nano"},
		{"darwin", vars(), noEditors, "[open -W -t F]", false, ""},
		{"darwin", vars("EDITOR", "vim"), noEditors, `[sh -c vim "$1" sh F]`, false, ""},
		{"windows", vars(), noEditors, "[notepad.exe F]", true, ""},
		{"windows", vars("EDITOR", `"C:\Program Files\Notepad++\notepad++.exe" -multiInst -nosession`), noEditors,
			`[C:\Program Files\Notepad++\notepad++.exe -multiInst -nosession F]`, false, ""},
	} {
		ed, err := chooseEditor(tc.goos, tc.env, tc.look, "F")
		if tc.errHas != "" {
			if err == nil || !strings.Contains(err.Error(), tc.errHas) {
				t.Errorf("%s: %v, want an error with %q", tc.goos, err, tc.errHas)
			}
			continue
		}
		if err != nil || fmt.Sprint(ed.argv) != tc.want || ed.waitEnter != tc.wait {
			t.Errorf("%s: %v wait=%v, %v; want %s wait=%v", tc.goos, ed.argv, ed.waitEnter, err, tc.want, tc.wait)
		}
	}
	if ed, _ := chooseEditor("darwin", vars(), noEditors, "F"); !strings.Contains(ed.hint, "quit the editor (⌘Q)") {
		t.Errorf("macOS hint %q", ed.hint)
	}
}
