// Package netfault is a TCP proxy for tests that can make the
// connections through it go silent, as a socket does after the machine
// slept or the network changed: nothing arrives and nothing says so.
// New connections pass again. It listens on 127.0.0.1 only.
package netfault

import (
	"io"
	"net"
	"sync"
	"testing"
)

// Proxy forwards connections to a target address.
type Proxy struct {
	ln net.Listener

	mu     sync.Mutex
	target string
	conns  []*conn
}

type conn struct {
	net.Conn
	mu     sync.Mutex
	silent bool
}

func (c *conn) isSilent() bool { c.mu.Lock(); defer c.mu.Unlock(); return c.silent }

// Start starts a proxy to target ("" to set it later with SetTarget); it
// stops when the test ends.
func Start(t testing.TB, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close() })
	go p.serve()
	return p
}

// Addr is the proxy's address.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Port is the proxy's port.
func (p *Proxy) Port() int { return p.ln.Addr().(*net.TCPAddr).Port }

// SetTarget sets where new connections go.
func (p *Proxy) SetTarget(addr string) {
	p.mu.Lock()
	p.target = addr
	p.mu.Unlock()
}

// Silence makes every connection open so far silent in both directions.
func (p *Proxy) Silence() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.mu.Lock()
		c.silent = true
		c.mu.Unlock()
	}
}

func (p *Proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		target := p.target
		p.mu.Unlock()
		up, err := net.Dial("tcp", target)
		if err != nil {
			c.Close()
			continue
		}
		sc := &conn{Conn: c}
		p.mu.Lock()
		p.conns = append(p.conns, sc)
		p.mu.Unlock()
		go pipe(up, sc, sc)
		go pipe(sc, up, sc)
	}
}

// pipe copies src to dst until either fails; once s is silent it
// swallows everything.
func pipe(dst io.Writer, src io.Reader, s *conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 && !s.isSilent() {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}
