package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/backload/backload"
)

// PasswordHash returns the user's password hash and the user, by email. It
// returns ENOTFOUND for an unknown email.
func (db *DB) PasswordHash(ctx context.Context, email string) (backload.User, string, error) {
	var hash string
	u, err := scanUser(db.queryRow(ctx, "SELECT "+userColumns+", password_hash FROM users WHERE email = ?",
		normalizedEmail(email)), &hash)
	return u, hash, notFound(err, "user")
}

// SetPasswordHash replaces the user's password hash and ends every log-in
// session but keep, so a changed password locks out whoever else had it.
func (db *DB) SetPasswordHash(ctx context.Context, userID int64, hash, keepSession string) error {
	return db.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, "UPDATE users SET password_hash = ? WHERE id = ?", hash, userID); err != nil {
			return err
		}
		_, err := tx.exec(ctx, "DELETE FROM auth_sessions WHERE user_id = ? AND token_hash <> ?", userID, keepSession)
		return err
	})
}

// DeleteUser removes the account and, through the foreign keys, every row
// that belongs to it. It returns ENOTFOUND when there is no such account.
func (db *DB) DeleteUser(ctx context.Context, userID int64) error {
	return db.inTx(ctx, func(tx *Tx) error {
		r, err := tx.exec(ctx, "DELETE FROM users WHERE id = ?", userID)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return backload.Errorf(backload.ENOTFOUND, "user not found")
		}
		return nil
	})
}

// CreateAuthSession stores a log-in session under the hash of its token.
func (db *DB) CreateAuthSession(ctx context.Context, tokenHash string, userID int64, ttl time.Duration) error {
	return db.inTx(ctx, func(tx *Tx) error {
		// Expired sessions of this user go while we are here.
		if _, err := tx.exec(ctx, "DELETE FROM auth_sessions WHERE user_id = ? AND expires_at < ?", userID, unix(tx.now)); err != nil {
			return err
		}
		_, err := tx.exec(ctx, "INSERT INTO auth_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
			tokenHash, userID, unix(tx.now), unix(tx.now.Add(ttl)))
		return err
	})
}

// UserBySession returns the user of an unexpired log-in session, or
// EUNAUTHORIZED.
func (db *DB) UserBySession(ctx context.Context, tokenHash string) (backload.User, error) {
	u, err := scanUser(db.queryRow(ctx, `SELECT `+userColumnsU+`
		FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?`,
		tokenHash, unix(db.Now())))
	if errors.Is(err, sql.ErrNoRows) {
		return u, backload.Errorf(backload.EUNAUTHORIZED, "log in again: your session has ended")
	}
	return u, err
}

// DeleteAuthSession ends a log-in session.
func (db *DB) DeleteAuthSession(ctx context.Context, tokenHash string) error {
	return db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.exec(ctx, "DELETE FROM auth_sessions WHERE token_hash = ?", tokenHash)
		return err
	})
}

// APIToken is a personal token as listed: never the token itself.
type APIToken struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	CreatedAt  time.Time `json:"created_at"`
	LastUsedAt time.Time `json:"last_used_at,omitzero"`
}

// CreateAPIToken stores a token's hash for the user and returns its id.
func (db *DB) CreateAPIToken(ctx context.Context, userID int64, name, tokenHash string) (APIToken, error) {
	t := APIToken{Name: name}
	err := db.inTx(ctx, func(tx *Tx) error {
		t.CreatedAt = tx.now
		return tx.queryRow(ctx, "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id",
			userID, name, tokenHash, unix(tx.now)).Scan(&t.ID)
	})
	return t, err
}

// APITokens lists the user's tokens, newest first.
func (db *DB) APITokens(ctx context.Context, userID int64) ([]APIToken, error) {
	rows, err := db.query(ctx, "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY id DESC", userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []APIToken{}
	for rows.Next() {
		var t APIToken
		var created, used int64
		if err := rows.Scan(&t.ID, &t.Name, &created, &used); err != nil {
			return nil, err
		}
		t.CreatedAt = fromUnix(created)
		if used > 0 {
			t.LastUsedAt = fromUnix(used)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// DeleteAPIToken revokes one of the user's tokens, or returns ENOTFOUND.
func (db *DB) DeleteAPIToken(ctx context.Context, userID, id int64) error {
	return db.inTx(ctx, func(tx *Tx) error {
		r, err := tx.exec(ctx, "DELETE FROM api_tokens WHERE id = ? AND user_id = ?", id, userID)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return backload.Errorf(backload.ENOTFOUND, "token %d not found", id)
		}
		return nil
	})
}

// UserByAPIToken returns the owner of a token, or EUNAUTHORIZED. It records
// when the token was last used, at most once a minute, so reads stay
// reads under load.
func (db *DB) UserByAPIToken(ctx context.Context, tokenHash string) (backload.User, error) {
	var tokenID, used int64
	u, err := scanUser(db.queryRow(ctx, `SELECT `+userColumnsU+`, t.id, t.last_used_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`, tokenHash), &tokenID, &used)
	if errors.Is(err, sql.ErrNoRows) {
		return u, backload.Errorf(backload.EUNAUTHORIZED, "the API token is not valid: it may have been revoked")
	}
	if err != nil {
		return u, err
	}
	if now := unix(db.Now()); now-used >= 60 {
		err = db.inTx(ctx, func(tx *Tx) error {
			_, err := tx.exec(ctx, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now, tokenID)
			return err
		})
	}
	return u, err
}
