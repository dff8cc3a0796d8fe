package setup

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// ErrStopped is returned when the answers end (Ctrl-C, Ctrl-D, or a
// script that ran out) before the questions do. Nothing is written then.
var ErrStopped = errors.New("stopped before the last question; nothing was written")

// prompter asks questions on a terminal, or of a script fed to stdin,
// and re-asks until an answer passes its check.
type prompter struct {
	ctx context.Context
	in  *bufio.Reader
	raw io.Reader // the reader under in, for a terminal's no-echo read
	out io.Writer
}

func newPrompter(ctx context.Context, in io.Reader, out io.Writer) *prompter {
	return &prompter{ctx: ctx, in: bufio.NewReader(in), raw: in, out: out}
}

func (p *prompter) say(format string, args ...any) { fmt.Fprintf(p.out, format, args...) }

// line reads one line, or fails with ErrStopped when the input ends or
// ctx does. A read blocked on a terminal is abandoned, not waited for:
// the process is about to end.
func (p *prompter) line() (string, error) {
	type res struct {
		s   string
		err error
	}
	ch := make(chan res, 1)
	go func() {
		s, err := p.in.ReadString('\n')
		ch <- res{s, err}
	}()
	select {
	case <-p.ctx.Done():
		p.say("\n")
		return "", ErrStopped
	case r := <-ch:
		if r.err != nil && (r.s == "" || !errors.Is(r.err, io.EOF)) {
			p.say("\n")
			return "", ErrStopped
		}
		return strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(r.s, "\n"), "\r")), nil
	}
}

// ask asks a question until check accepts the answer; an empty answer
// is def (when def is not ""). check returns the value to keep, or an
// error whose message is shown before the question is asked again.
func (p *prompter) ask(question, def string, check func(string) (string, error)) (string, error) {
	for {
		if def != "" {
			p.say("  %s [%s]: ", question, def)
		} else {
			p.say("  %s: ", question)
		}
		a, err := p.line()
		if err != nil {
			return "", err
		}
		if a == "" {
			a = def
		}
		v, err := check(a)
		if err == nil {
			return v, nil
		}
		p.say("    %s\n", err.Error())
	}
}

// text asks for a line of text; required refuses an empty one.
func (p *prompter) text(question, def string, required bool) (string, error) {
	return p.ask(question, def, func(s string) (string, error) {
		if s == "" && required {
			return "", errors.New("Please answer this one; it is needed.")
		}
		return s, nil
	})
}

// yesNo asks a yes/no question.
func (p *prompter) yesNo(question string, def bool) (bool, error) {
	d := "y/N"
	if def {
		d = "Y/n"
	}
	v, err := p.ask(question+" ("+d+")", "", func(s string) (string, error) {
		switch strings.ToLower(s) {
		case "":
			if def {
				return "y", nil
			}
			return "n", nil
		case "y", "yes":
			return "y", nil
		case "n", "no":
			return "n", nil
		}
		return "", errors.New("Please answer y (yes) or n (no).")
	})
	return v == "y", err
}

// choose offers numbered choices and returns the index of the one taken.
func (p *prompter) choose(question string, choices []string, def int) (int, error) {
	for i, c := range choices {
		p.say("    %d  %s\n", i+1, c)
	}
	v, err := p.ask(fmt.Sprintf("%s (1-%d)", question, len(choices)), fmt.Sprint(def+1), func(s string) (string, error) {
		for i := range choices {
			if s == fmt.Sprint(i+1) {
				return s, nil
			}
		}
		return "", fmt.Errorf("Please type a number from 1 to %d.", len(choices))
	})
	if err != nil {
		return 0, err
	}
	var n int
	fmt.Sscan(v, &n)
	return n - 1, nil
}

// secret asks for a password without showing it on a terminal; from a
// script it reads a line.
func (p *prompter) secret(question string) (string, error) {
	for {
		p.say("  %s (it is not shown as you type): ", question)
		v, err := p.readSecret()
		if err != nil {
			return "", err
		}
		if v != "" {
			return v, nil
		}
		p.say("    Please paste or type it; it is needed.\n")
	}
}

func (p *prompter) readSecret() (string, error) {
	f, ok := p.raw.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || p.in.Buffered() > 0 {
		return p.line()
	}
	fd := int(f.Fd())
	state, err := term.GetState(fd)
	if err != nil {
		return p.line()
	}
	type res struct {
		b   []byte
		err error
	}
	ch := make(chan res, 1)
	go func() {
		b, err := term.ReadPassword(fd)
		ch <- res{b, err}
	}()
	select {
	case <-p.ctx.Done():
		term.Restore(fd, state) // echo back on before the process ends
		p.say("\n")
		return "", ErrStopped
	case r := <-ch:
		p.say("\n")
		if r.err != nil {
			return "", ErrStopped
		}
		return strings.TrimSpace(string(r.b)), nil
	}
}
