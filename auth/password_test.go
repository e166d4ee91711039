package auth

import (
	"errors"
	"strings"
	"testing"
)

var cheap = Params{MemoryKiB: 64, Time: 1, Threads: 1}

func TestHashAndCheck(t *testing.T) {
	h, err := Hash("correct horse battery", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Errorf("hash %q", h)
	}
	if err := Check("correct horse battery", h); err != nil {
		t.Errorf("right password: %v", err)
	}
	if err := Check("wrong horse battery", h); !errors.Is(err, ErrMismatch) {
		t.Errorf("wrong password: %v", err)
	}
	h2, _ := Hash("correct horse battery", cheap)
	if h == h2 {
		t.Error("two hashes of one password are equal: salt not random")
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=64,t=1,p=1$aa$bb", "$argon2id$v=19$m=x$aa$bb", "$argon2id$v=19$m=64,t=1,p=1$!!$bb"} {
		if err := Check("x", bad); err == nil || errors.Is(err, ErrMismatch) {
			t.Errorf("malformed %q: %v", bad, err)
		}
	}
	if err := CheckDummy("anything"); !errors.Is(err, ErrMismatch) {
		t.Errorf("dummy: %v", err)
	}
}

func TestDefaultMeetsOWASP(t *testing.T) {
	if Default.MemoryKiB < 19*1024 || Default.Time < 2 || Default.Threads < 1 {
		t.Errorf("default %+v is below m=19 MiB, t=2, p=1", Default)
	}
}

func TestNewToken(t *testing.T) {
	tok, hash, err := NewToken("bl_")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tok, "bl_") || len(tok) < 40 || HashToken(tok) != hash || strings.Contains(hash, tok) {
		t.Errorf("token %q hash %q", tok, hash)
	}
	other, _, _ := NewToken("bl_")
	if other == tok {
		t.Error("tokens repeat")
	}
}
