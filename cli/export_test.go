package cli

import (
	"context"
	"log/slog"

	"github.com/lorkeeper/lorkeeper/secrets"
	"github.com/lorkeeper/lorkeeper/service"
)

// UseSecretsFile makes init keep secrets in the file beside the state,
// never in the OS keyring, until the returned function is called.
func UseSecretsFile() (restore func()) {
	old := openSecrets
	openSecrets = func(state, _ string, log *slog.Logger) *secrets.Store {
		return secrets.New(secrets.FileFor(state), secrets.File, nil, log)
	}
	return func() { openSecrets = old }
}

// FakeService makes the service commands use a service manager of the
// test's on goos, with the given environment, and exe as the binary.
func FakeService(goos string, vars map[string]string, run func(ctx context.Context, name string, args ...string) ([]byte, error), exe string) (restore func()) {
	oldEnv, oldExe := serviceEnv, executable
	serviceEnv = func(Env) service.Env {
		return service.Env{GOOS: goos, Getenv: func(k string) string { return vars[k] }, Run: run, UID: 501}
	}
	executable = func() (string, error) { return exe, nil }
	return func() { serviceEnv, executable = oldEnv, oldExe }
}
