package web

import (
	"net/http"

	"github.com/backload/backload"
	"github.com/backload/backload/auth"
)

// createInvite makes an invite link for a coach. The token is shown once,
// in the answer; only its hash is kept.
func (s *Server) createInvite(w http.ResponseWriter, r *http.Request, c *call) error {
	var in struct {
		Note string `json:"note"`
	}
	if err := decodeJSON(w, r, s.cfg.MaxBodyBytes, &in); err != nil {
		return err
	}
	if len(in.Note) > 200 {
		return backload.FieldErrorf("note", "must be at most 200 characters")
	}
	token, hash, err := auth.NewToken("inv_")
	if err != nil {
		return err
	}
	inv, err := s.db.CreateInvite(r.Context(), c.user.ID, hash, in.Note)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, map[string]any{
		"id": inv.ID, "note": inv.Note, "created_at": inv.CreatedAt, "token": token, "link": "/invite/" + token,
	})
}

func (s *Server) listInvites(w http.ResponseWriter, r *http.Request, c *call) error {
	list, err := s.db.Invites(r.Context(), c.user.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"invites": list})
}

func (s *Server) revokeInvite(w http.ResponseWriter, r *http.Request, c *call) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.db.RevokeInvite(r.Context(), c.user.ID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// acceptInvite links the signed-in coach to the lifter who made the invite.
func (s *Server) acceptInvite(w http.ResponseWriter, r *http.Request, c *call) error {
	var in struct {
		Token string `json:"token"`
	}
	if err := decodeJSON(w, r, s.cfg.MaxBodyBytes, &in); err != nil {
		return err
	}
	if in.Token == "" {
		return backload.FieldErrorf("token", "is required: the token from the invite link")
	}
	if c.user.Role != backload.Coach {
		return backload.Errorf(backload.EFORBIDDEN, "only a coach account can accept an invite")
	}
	lifter, err := s.db.AcceptInvite(r.Context(), c.user.ID, auth.HashToken(in.Token))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"lifter": lifter})
}

func (s *Server) listLifters(w http.ResponseWriter, r *http.Request, c *call) error {
	list, err := s.db.Lifters(r.Context(), c.user.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"lifters": list})
}
