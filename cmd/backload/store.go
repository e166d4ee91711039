package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/backload/backload"
	"github.com/backload/backload/sqlstore"
)

// dataFlags are the flags of every command that reads or writes the log.
type dataFlags struct {
	db   *string
	user *string
}

func addDataFlags(fs *flag.FlagSet) dataFlags {
	return dataFlags{
		db:   dbFlag(fs),
		user: fs.String("user", "", "act for the account with this `EMAIL` (default: the only account, created on first use)"),
	}
}

// open opens the database and finds the user the command acts for.
func (f dataFlags) open(ctx context.Context, e *env) (*sqlstore.DB, backload.User, error) {
	path, err := resolveDB(*f.db, e.getenv)
	if err != nil {
		return nil, backload.User{}, err
	}
	db, err := sqlstore.Open(ctx, path)
	if err != nil {
		return nil, backload.User{}, err
	}
	u, err := cliUser(ctx, db, *f.user, e)
	if err != nil {
		db.Close()
		return nil, backload.User{}, err
	}
	return db, u, nil
}

// cliUser is the account a command acts for: the one named by email, or
// the only account, which is created on first use.
func cliUser(ctx context.Context, db *sqlstore.DB, email string, e *env) (backload.User, error) {
	if email != "" {
		u, err := db.UserByEmail(ctx, email)
		if backload.ErrorCode(err) == backload.ENOTFOUND {
			if empty, _ := db.IsEmpty(ctx); empty {
				return db.CreateUser(ctx, backload.User{Email: email, TimeZone: localZone(e)}, "")
			}
			return backload.User{}, usagef("--user: no account %s in this database", email)
		}
		return u, err
	}
	users, err := db.Users(ctx)
	if err != nil {
		return backload.User{}, err
	}
	switch len(users) {
	case 0:
		return db.CreateUser(ctx, backload.User{Email: "me@localhost", TimeZone: localZone(e)}, "")
	case 1:
		return users[0], nil
	}
	return backload.User{}, usagef("this database has %d accounts: choose one with --user EMAIL", len(users))
}

// localZone names this machine's time zone: $TZ, else the zone
// /etc/localtime links to, else UTC.
func localZone(e *env) string {
	if tz := e.getenv("TZ"); tz != "" {
		if _, err := time.LoadLocation(tz); err == nil {
			return tz
		}
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if i := strings.Index(target, "zoneinfo/"); i >= 0 {
			name := target[i+len("zoneinfo/"):]
			if _, err := time.LoadLocation(name); err == nil {
				return name
			}
		}
	}
	return "UTC"
}

// userToday is today's date in the user's time zone, at midnight UTC, the
// form the domain's day arithmetic uses.
func userToday(u backload.User, now time.Time) time.Time {
	y, m, d := now.In(u.Location()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// plateStep is the user's plate step, or the default for their units.
func plateStep(u backload.User) float64 {
	if u.PlateStep > 0 {
		return u.PlateStep
	}
	return u.Units.DefaultPlateStep(backload.DefaultPolicy())
}

// absPath makes a path absolute for messages, leaving it as it is on error.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// openDB opens the database named by the --db flag value (else its
// defaults) without choosing a user, and returns it with its location.
func openDB(ctx context.Context, e *env, flagValue string) (*sqlstore.DB, string, error) {
	path, err := resolveDB(flagValue, e.getenv)
	if err != nil {
		return nil, "", err
	}
	store, err := sqlstore.Open(ctx, path)
	if err != nil {
		return nil, "", err
	}
	return store, path, nil
}
