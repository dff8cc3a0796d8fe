// Package smtpfault is an SMTP server for tests that misbehaves on cue
// around the end of a message: it drops the connection right after its
// 250, answers 421 to what follows, never answers the final ".", or
// refuses it. It listens on 127.0.0.1 only and accepts any AUTH PLAIN or
// LOGIN.
//
// go-smtp's server cannot be made to fail between two replies, which is
// exactly where an SMTP client must decide whether a message left.
package smtpfault

import (
	"bufio"
	"context"
	"net"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/lorkeeper/lorkeeper/config"
)

// Mode is how the server behaves once a message's data has been sent.
type Mode int

// Modes.
const (
	OK                Mode = iota // 250, and a clean session
	DropAfter250                  // 250 to the final ".", then the connection drops
	Reply421AfterData             // 250, then 421 to RSET, QUIT or anything else
	SilentAfterDot                // the final "." is read, no reply, connection closed
	Reply451AtDot                 // 451 to the final "."
	Reply554AtDot                 // 554 to the final "."
	DropAfter354                  // the connection drops right after DATA's 354
)

// Server is a running fault server.
type Server struct {
	Host string
	Port int

	ln net.Listener

	mu       sync.Mutex
	mode     Mode
	accepted []string // Message-IDs of messages taken (250 sent, or read in SilentAfterDot)
	received []string // Message-IDs of every complete message read, whatever the reply
}

// Start starts a server in mode m; it stops when the test ends.
func Start(t testing.TB, m Mode) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().(*net.TCPAddr)
	s := &Server{Host: "127.0.0.1", Port: addr.Port, ln: ln, mode: m}
	go s.serve()
	t.Cleanup(func() { ln.Close() })
	return s
}

// SetMode changes the behaviour for the next messages.
func (s *Server) SetMode(m Mode) {
	s.mu.Lock()
	s.mode = m
	s.mu.Unlock()
}

// Accepted returns how many messages the server took responsibility for:
// those it answered 250, and those it read whole in SilentAfterDot mode
// (a real server would deliver them).
func (s *Server) Accepted() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.accepted)
}

// AcceptedIDs returns the Message-IDs of the accepted messages, in order.
func (s *Server) AcceptedIDs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.accepted...)
}

// Credential is a login the server accepts.
func (s *Server) Credential(context.Context) (config.Credential, error) {
	return config.Credential{Username: "amara@inbox.test", Password: "pw"}, nil
}

func (s *Server) serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.session(c)
	}
}

func (s *Server) session(c net.Conn) {
	defer c.Close()
	r := textproto.NewReader(bufio.NewReader(c))
	w := bufio.NewWriter(c)
	say := func(line string) bool {
		w.WriteString(line + "\r\n")
		return w.Flush() == nil
	}
	if !say("220 fault.test ESMTP") {
		return
	}
	after := false // a message was just answered in Reply421AfterData mode
	for {
		line, err := r.ReadLine()
		if err != nil {
			return
		}
		verb := strings.ToUpper(strings.Fields(line + " x")[0])
		if after {
			say("421 4.4.2 fault.test closing connection")
			return
		}
		switch verb {
		case "EHLO", "HELO":
			say("250-fault.test")
			say("250-8BITMIME")
			say("250 AUTH PLAIN LOGIN")
		case "AUTH":
			f := strings.Fields(line)
			if len(f) == 2 && strings.EqualFold(f[1], "LOGIN") {
				say("334 VXNlcm5hbWU6")
				r.ReadLine()
				say("334 UGFzc3dvcmQ6")
				r.ReadLine()
			} else if len(f) == 2 {
				say("334 ")
				r.ReadLine()
			}
			say("235 2.7.0 ok")
		case "MAIL", "RCPT", "RSET", "NOOP":
			say("250 2.0.0 ok")
		case "QUIT":
			say("221 2.0.0 bye")
			return
		case "DATA":
			s.mu.Lock()
			mode := s.mode
			s.mu.Unlock()
			say("354 go ahead")
			if mode == DropAfter354 {
				return
			}
			lines, err := r.ReadDotLines()
			if err != nil {
				return
			}
			id := messageID(lines)
			s.mu.Lock()
			s.received = append(s.received, id)
			if mode != Reply451AtDot && mode != Reply554AtDot {
				s.accepted = append(s.accepted, id)
			}
			n := len(s.accepted)
			s.mu.Unlock()
			switch mode {
			case SilentAfterDot:
				return
			case Reply451AtDot:
				say("451 4.3.0 try again later")
				continue
			case Reply554AtDot:
				say("554 5.7.1 rejected")
				continue
			}
			say("250 2.0.0 Ok: queued as F" + strconv.Itoa(n))
			switch mode {
			case DropAfter250:
				return
			case Reply421AfterData:
				after = true
			}
		default:
			say("502 5.5.2 unknown command")
		}
	}
}

func messageID(lines []string) string {
	for _, l := range lines {
		if l == "" {
			break
		}
		if k, v, ok := strings.Cut(l, ":"); ok && strings.EqualFold(k, "Message-ID") {
			return strings.Trim(strings.TrimSpace(v), "<>")
		}
	}
	return ""
}
