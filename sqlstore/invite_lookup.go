package sqlstore

import (
	"context"
	"database/sql"

	"github.com/backload/backload"
)

// InviteByToken returns the lifter who made the invite with the token hash
// and the id of the coach who accepted it (0 when nobody has), without
// accepting it, so an invite page can ask before it links anyone. It
// returns ENOTFOUND for an unknown or revoked invite.
func (db *DB) InviteByToken(ctx context.Context, tokenHash string) (lifter backload.User, coachID int64, err error) {
	var coach sql.NullInt64
	lifter, err = scanUser(db.queryRow(ctx, `SELECT `+userColumnsU+`, i.coach_id
		FROM invites i JOIN users u ON u.id = i.lifter_id WHERE i.token_hash = ? AND i.revoked_at = 0`, tokenHash), &coach)
	if err != nil {
		return backload.User{}, 0, notFound(err, "invite")
	}
	return lifter, coach.Int64, nil
}
