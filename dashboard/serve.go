package dashboard

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"
)

// Serve listens on 127.0.0.1:port (a free port when port is 0) and serves
// s until ctx ends, then shuts down gracefully and returns nil. It logs the
// link that opens the dashboard, http://127.0.0.1:PORT/?token=..., once.
// It blocks. It returns an error if it cannot listen or the server fails.
// A port in use is tried again for a few seconds, so a dashboard restarted
// with its applicant (on a config reload) waits for the old one to close.
func Serve(ctx context.Context, port int, s *Server, log *slog.Logger) error {
	if log == nil {
		log = s.log
	}
	ln, err := listen(ctx, net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return fmt.Errorf("dashboard: listen: %w", err)
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	addr := ln.Addr().(*net.TCPAddr)
	log.Info("dashboard: open this link in your browser", "url", fmt.Sprintf("http://127.0.0.1:%d/?token=%s", addr.Port, s.keys.token))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("dashboard: serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("dashboard: serve: %w", err)
	}
	return nil
}

// listen listens on addr, retrying for up to five seconds while the
// address is in use.
func listen(ctx context.Context, addr string) (net.Listener, error) {
	for tries := 0; ; tries++ {
		ln, err := net.Listen("tcp", addr)
		if err == nil || !errors.Is(err, syscall.EADDRINUSE) || tries == 20 {
			return ln, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(250 * time.Millisecond):
		}
	}
}
