package cli

import (
	"context"
	"log/slog"

	"github.com/lorkeeper/lorkeeper/demo"
)

// demo plays the whole flow on built-in servers. The daemon's own log is
// kept to warnings so the story reads cleanly.
func (c *cmd) demo(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return usagef("demo takes no arguments")
	}
	log := slog.New(slog.NewTextHandler(c.env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	return demo.Run(ctx, c.env.Stdout, log)
}
