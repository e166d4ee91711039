package backload_test

import (
	"encoding/json"
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/backload/backload"
)

var (
	amberDay = backload.CheckIn{Pain: 4}
	redDay   = backload.CheckIn{Pain: 6}
)

// adapt runs Adapt with the default policy and the fake catalog.
func adapt(t *testing.T, c backload.CheckIn, session ...backload.PlannedItem) backload.AdaptResponse {
	t.Helper()
	resp, err := backload.Adapt(backload.AdaptRequest{CheckIn: c, Session: session}, newFakeCatalog(),
		backload.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range resp.Items {
		if strings.TrimSpace(it.Why) == "" {
			t.Errorf("item %d (%s) has no why", i, it.Name)
		}
	}
	return resp
}

func item(name string, sets, reps int, weight float64) backload.PlannedItem {
	return backload.PlannedItem{Exercise: name, Sets: sets, Reps: reps, Weight: weight}
}

// itemFor returns the item whose input is name.
func itemFor(t *testing.T, resp backload.AdaptResponse, name string) backload.AdaptedItem {
	t.Helper()
	for _, it := range resp.Items {
		if it.Input == name {
			return it
		}
	}
	t.Fatalf("no item for %q in %+v", name, resp.Items)
	return backload.AdaptedItem{}
}

func added(resp backload.AdaptResponse) []string {
	var ids []string
	for _, it := range resp.Items {
		if it.Action == backload.ActionAdd {
			ids = append(ids, it.Exercise)
		}
	}
	return ids
}

func TestAdaptGreenLeavesPlanUnchanged(t *testing.T) {
	session := []backload.PlannedItem{
		item("Squat (Barbell)", 5, 5, 140), item("Good Morning (Barbell)", 3, 8, 60),
		item("Box Jump", 3, 5, 0), item("Bench Press (Barbell)", 3, 8, 90),
		{Exercise: "Plank", Sets: 3, Seconds: 30},
	}
	resp := adapt(t, backload.CheckIn{Pain: 2, SessionPain: 3}, session...)
	if resp.Status != backload.StatusTrain || resp.Zone != backload.Green || resp.Urgency != "" {
		t.Fatalf("status %q zone %q urgency %q", resp.Status, resp.Zone, resp.Urgency)
	}
	if len(resp.Items) != len(session) {
		t.Fatalf("got %d items, want %d (green adds nothing)", len(resp.Items), len(session))
	}
	for i, it := range resp.Items {
		planned := backload.Dose{Sets: session[i].Sets, Reps: session[i].Reps, Weight: session[i].Weight,
			Seconds: session[i].Seconds}
		if it.Action != backload.ActionKeep || it.Dose() != planned || it.Planned != planned || it.RPECap != 0 {
			t.Errorf("item %d = %+v, want kept as planned", i, it)
		}
	}
}

// TestAdaptSpinalHeavy covers the spinal-heavy row in amber and red, with
// rounding in kg and lb and odd plate steps.
func TestAdaptSpinalHeavy(t *testing.T) {
	tests := []struct {
		name     string
		c        backload.CheckIn
		units    backload.Unit
		step     float64
		planned  backload.PlannedItem
		want     backload.Dose
		wantRPE  float64
		wantAct  backload.Action
		wantName string
	}{
		{"amber kg", amberDay, "", 0, item("Squat (Barbell)", 5, 5, 140),
			backload.Dose{Sets: 5, Reps: 5, Weight: 97.5}, 6, backload.ActionReduce, "Barbell Back Squat"},
		{"red kg", redDay, "", 0, item("Squat (Barbell)", 5, 5, 140),
			backload.Dose{Sets: 3, Reps: 5, Weight: 82.5}, 5, backload.ActionReduce, "Barbell Back Squat"},
		{"red kg, fewer than 3 sets planned", redDay, "kg", 2.5, item("Deadlift (Barbell)", 2, 3, 200),
			backload.Dose{Sets: 2, Reps: 3, Weight: 120}, 5, backload.ActionReduce, "Barbell Deadlift"},
		{"amber lb, 5 lb plates", amberDay, "lb", 0, item("Deadlift (Barbell)", 3, 5, 315),
			backload.Dose{Sets: 3, Reps: 5, Weight: 220}, 6, backload.ActionReduce, "Barbell Deadlift"},
		{"red lb, 5 lb plates", redDay, "lb", 0, item("Deadlift (Barbell)", 5, 5, 315),
			backload.Dose{Sets: 3, Reps: 5, Weight: 185}, 5, backload.ActionReduce, "Barbell Deadlift"},
		{"red lb, 2.5 lb plates", redDay, "lb", 2.5, item("Deadlift (Barbell)", 5, 5, 315),
			backload.Dose{Sets: 3, Reps: 5, Weight: 187.5}, 5, backload.ActionReduce, "Barbell Deadlift"},
		{"amber kg, 1.25 kg plates", amberDay, "kg", 1.25, item("Squat (Barbell)", 5, 5, 102.5),
			backload.Dose{Sets: 5, Reps: 5, Weight: 71.25}, 6, backload.ActionReduce, "Barbell Back Squat"},
		{"red kg, 1.25 kg plates", redDay, "kg", 1.25, item("Squat (Barbell)", 5, 5, 102.5),
			backload.Dose{Sets: 3, Reps: 5, Weight: 61.25}, 5, backload.ActionReduce, "Barbell Back Squat"},
		{"amber kg, 2 kg plates", amberDay, "kg", 2, item("Squat (Barbell)", 4, 6, 143),
			backload.Dose{Sets: 4, Reps: 6, Weight: 100}, 6, backload.ActionReduce, "Barbell Back Squat"},
		{"red kg, 2 kg plates", redDay, "kg", 2, item("Squat (Barbell)", 4, 6, 99),
			backload.Dose{Sets: 3, Reps: 6, Weight: 58}, 5, backload.ActionReduce, "Barbell Back Squat"},
		{"exact multiple stays", amberDay, "kg", 2.5, item("Squat (Barbell)", 5, 5, 100),
			backload.Dose{Sets: 5, Reps: 5, Weight: 70}, 6, backload.ActionReduce, "Barbell Back Squat"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := backload.AdaptRequest{Units: tt.units, PlateStep: tt.step, CheckIn: tt.c,
				Session: []backload.PlannedItem{tt.planned}}
			resp, err := backload.Adapt(req, newFakeCatalog(), backload.DefaultPolicy())
			if err != nil {
				t.Fatal(err)
			}
			it := itemFor(t, resp, tt.planned.Exercise)
			if it.Dose() != tt.want || it.RPECap != tt.wantRPE || it.Action != tt.wantAct || it.Name != tt.wantName {
				t.Errorf("got %s %+v rpe %v %s, want %s %+v rpe %v %s", it.Action, it.Dose(), it.RPECap, it.Name,
					tt.wantAct, tt.want, tt.wantRPE, tt.wantName)
			}
			if it.Class != backload.SpinalHeavy || it.Replaces != "" {
				t.Errorf("class %q replaces %q", it.Class, it.Replaces)
			}
		})
	}
}

// TestAdaptRPENeverRaised checks that a planned effort below the cap stays.
func TestAdaptRPENeverRaised(t *testing.T) {
	in := backload.PlannedItem{Exercise: "Squat (Barbell)", Sets: 3, Reps: 5, Weight: 100, RPE: 4}
	if it := adapt(t, amberDay, in).Items[0]; it.RPECap != 4 {
		t.Errorf("rpe_cap = %v, want the planned 4", it.RPECap)
	}
}

// TestAdaptLoadedFlexion covers swaps by role, fallback to an alternative
// already planned, and dropping when nothing fits, in amber and red.
func TestAdaptLoadedFlexion(t *testing.T) {
	for _, day := range []backload.CheckIn{amberDay, redDay} {
		resp := adapt(t, day, item("Good Morning (Barbell)", 3, 8, 60), item("Cable Crunch", 3, 12, 40),
			item("Jefferson Curl", 3, 10, 20))

		gm := itemFor(t, resp, "Good Morning (Barbell)")
		want := backload.AdaptedItem{Input: "Good Morning (Barbell)", Exercise: "barbell-hip-thrust",
			Name: "Barbell Hip Thrust", Class: backload.SpineNeutralLower, Action: backload.ActionSubstitute,
			Sets: 3, Reps: 8, Weight: 0, RPECap: 7, Replaces: "Good Morning (Barbell)",
			Planned: backload.Dose{Sets: 3, Reps: 8, Weight: 60}, Why: gm.Why}
		if gm != want {
			t.Errorf("%s good morning = %+v, want %+v", day.Zone(backload.DefaultPolicy()), gm, want)
		}

		crunch := itemFor(t, resp, "Cable Crunch")
		if crunch.Exercise != "dead-bug" || crunch.Action != backload.ActionSubstitute ||
			crunch.Class != backload.CoreEndurance || crunch.Replaces != "Cable Crunch" ||
			crunch.Sets != 3 || crunch.Reps != 6 || crunch.Seconds != 10 || crunch.Weight != 0 {
			t.Errorf("cable crunch = %+v, want dead bug at the core dose", crunch)
		}

		jc := itemFor(t, resp, "Jefferson Curl")
		if jc.Action != backload.ActionDrop || jc.Dose() != (backload.Dose{}) ||
			jc.Planned != (backload.Dose{Sets: 3, Reps: 10, Weight: 20}) {
			t.Errorf("jefferson curl = %+v, want dropped (no alternative fits)", jc)
		}
	}

	// The only alternative that exists is already planned: it is used anyway.
	resp := adapt(t, amberDay, item("Hip Thrust (Barbell)", 3, 10, 100), item("Good Morning (Barbell)", 3, 8, 60))
	if gm := itemFor(t, resp, "Good Morning (Barbell)"); gm.Exercise != "barbell-hip-thrust" {
		t.Errorf("good morning = %+v, want the planned alternative reused", gm)
	}
}

func TestAdaptSpineNeutralLower(t *testing.T) {
	lp := item("Leg Press", 4, 10, 200)
	for _, day := range []backload.CheckIn{amberDay, redDay} {
		it := adapt(t, day, lp).Items[0]
		if it.Action != backload.ActionKeep || it.Dose() != it.Planned || it.Weight != 200 {
			t.Errorf("leg press = %+v, want kept as planned", it)
		}
	}
	it := adapt(t, redDay, backload.PlannedItem{Exercise: "Leg Press", Sets: 4, Reps: 10, Weight: 101}).Items[0]
	if !strings.Contains(it.Why, "82.5 kg (80%") {
		t.Errorf("red why %q, want the 80%% floor rounded up to plates (82.5 kg)", it.Why)
	}
}

func TestAdaptUpperBody(t *testing.T) {
	for _, day := range []backload.CheckIn{amberDay, redDay} {
		it := adapt(t, day, item("Bench Press (Barbell)", 5, 5, 100)).Items[0]
		if it.Action != backload.ActionKeep || it.Dose() != it.Planned || it.RPECap != 0 {
			t.Errorf("bench = %+v, want kept in full", it)
		}
	}
}

func TestAdaptOther(t *testing.T) {
	session := []backload.PlannedItem{item("Box Jump", 3, 5, 0), {Exercise: "Running", Sets: 1, Seconds: 1200}}
	amber := adapt(t, amberDay, session...)
	if it := itemFor(t, amber, "Box Jump"); it.Action != backload.ActionKeep {
		t.Errorf("amber box jump = %+v, want kept", it)
	}
	red := adapt(t, redDay, session...)
	if it := itemFor(t, red, "Box Jump"); it.Action != backload.ActionDrop || it.Sets != 0 {
		t.Errorf("red box jump = %+v, want dropped", it)
	}
	if it := itemFor(t, red, "Running"); it.Action != backload.ActionKeep || it.Seconds != 1200 {
		t.Errorf("red running = %+v, want kept", it)
	}
	// An unknown name is inferred as other and kept.
	if it := itemFor(t, adapt(t, redDay, item("Zorbing", 1, 1, 0)), "Zorbing"); it.Action != backload.ActionKeep ||
		it.Exercise != "" || it.Name != "Zorbing" {
		t.Errorf("unknown = %+v", it)
	}
}

// TestAdaptCoreEndurance checks that amber and red sessions end up with at
// least two core items, counting planned and swapped-in ones.
func TestAdaptCoreEndurance(t *testing.T) {
	tests := []struct {
		name    string
		session []backload.PlannedItem
		want    []string
	}{
		{"none planned", []backload.PlannedItem{item("Squat (Barbell)", 5, 5, 100)},
			[]string{"mcgill-curl-up", "side-plank"}},
		{"empty session", nil, []string{"mcgill-curl-up", "side-plank"}},
		{"one planned", []backload.PlannedItem{{Exercise: "Plank", Sets: 3, Seconds: 30}},
			[]string{"mcgill-curl-up"}},
		{"curl-up planned is skipped", []backload.PlannedItem{item("Curl Up", 3, 6, 0)},
			[]string{"side-plank"}},
		{"two planned", []backload.PlannedItem{item("Bird Dog", 3, 6, 0), item("Dead Bug", 3, 6, 0)}, nil},
		{"swap counts", []backload.PlannedItem{item("Cable Crunch", 3, 12, 40)}, []string{"mcgill-curl-up"}},
	}
	p := backload.DefaultPolicy()
	for _, day := range []backload.CheckIn{amberDay, redDay} {
		for _, tt := range tests {
			t.Run(string(day.Zone(p))+"/"+tt.name, func(t *testing.T) {
				resp := adapt(t, day, tt.session...)
				if got := added(resp); !reflect.DeepEqual(got, tt.want) {
					t.Errorf("added %v, want %v", got, tt.want)
				}
				core := 0
				for _, it := range resp.Items {
					if it.Class == backload.CoreEndurance && it.Sets > 0 {
						core++
					}
					if it.Action == backload.ActionAdd && (it.Sets != 3 || it.Reps != 6 || it.Seconds != 10 ||
						it.Input != "" || it.Planned != (backload.Dose{})) {
						t.Errorf("added %+v, want 3 rounds from 6 holds of 10 s, no input", it)
					}
				}
				if core < p.MinCoreItems {
					t.Errorf("%d core items, want at least %d", core, p.MinCoreItems)
				}
			})
		}
	}
}

// TestAdaptRecoveryDay checks pain 8 and above: no loaded lifts; walking,
// gentle core and mobility.
func TestAdaptRecoveryDay(t *testing.T) {
	session := []backload.PlannedItem{
		item("Squat (Barbell)", 5, 5, 140), item("Leg Press", 3, 10, 200), item("Bench Press (Barbell)", 3, 8, 90),
		item("Box Jump", 3, 5, 0), {Exercise: "Plank", Sets: 3, Seconds: 30}, {Exercise: "Plank", Sets: 3, Seconds: 30, Weight: 20},
	}
	for _, pain := range []int{8, 9, 10} {
		resp := adapt(t, backload.CheckIn{Pain: pain}, session...)
		if resp.Status != backload.StatusRecover || resp.Zone != backload.Red {
			t.Fatalf("pain %d: status %q zone %q", pain, resp.Status, resp.Zone)
		}
		kinds := map[string]bool{}
		for _, it := range resp.Items {
			if it.Sets == 0 {
				if it.Action != backload.ActionDrop {
					t.Errorf("%+v: zero sets but not dropped", it)
				}
				continue
			}
			if it.Weight != 0 {
				t.Errorf("pain %d: loaded item %+v on a recovery day", pain, it)
			}
			switch {
			case it.Exercise == "walking":
				kinds["walk"] = true
			case it.Class == backload.CoreEndurance:
				kinds["core"] = true
			case it.Exercise == "hamstring-stretch":
				kinds["mobility"] = true
			default:
				t.Errorf("pain %d: %+v is not walking, core or mobility", pain, it)
			}
		}
		if len(kinds) != 3 {
			t.Errorf("pain %d: got %v, want walking, core and mobility", pain, kinds)
		}
		if got, want := added(resp), []string{"walking", "mcgill-curl-up", "hamstring-stretch"}; !reflect.DeepEqual(got, want) {
			t.Errorf("added %v, want %v (the unweighted plank already counts as one core item)", got, want)
		}
	}

	// A planned walk is kept, not added twice.
	resp := adapt(t, backload.CheckIn{Pain: 8}, backload.PlannedItem{Exercise: "Walking", Sets: 1, Seconds: 600})
	if got := added(resp); !reflect.DeepEqual(got, []string{"mcgill-curl-up", "bird-dog", "hamstring-stretch"}) {
		t.Errorf("added %v", got)
	}
	if it := resp.Items[0]; it.Action != backload.ActionKeep || it.Seconds != 600 {
		t.Errorf("planned walk = %+v, want kept", it)
	}
}

func TestAdaptMessages(t *testing.T) {
	for _, c := range []backload.CheckIn{{Pain: 1}, amberDay, redDay, {Pain: 9}} {
		resp := adapt(t, c, item("Squat (Barbell)", 5, 5, 100))
		all := strings.Join(resp.Messages, "\n")
		for _, want := range []string{"Thomeé 1997", "Silbernagel", "tendon", "not a diagnosis", "Tomorrow morning",
			string(resp.Zone)} {
			if !strings.Contains(all, want) {
				t.Errorf("pain %d: messages lack %q:\n%s", c.Pain, want, all)
			}
		}
	}
}

// TestAdaptJSONShape checks the field names of issue 3 exactly.
func TestAdaptJSONShape(t *testing.T) {
	resp := adapt(t, redDay, item("Squat (Barbell)", 5, 5, 140))
	out, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	var shape struct {
		Items []map[string]json.RawMessage `json:"items"`
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(out, &top); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &shape); err != nil {
		t.Fatal(err)
	}
	if got, want := keys(top), "items messages status urgency zone"; got != want {
		t.Errorf("response keys %q, want %q", got, want)
	}
	want := "action class exercise input name planned replaces reps rpe_cap seconds sets weight why"
	if got := keys(shape.Items[0]); got != want {
		t.Errorf("item keys %q, want %q", got, want)
	}
	var planned map[string]json.RawMessage
	if err := json.Unmarshal(shape.Items[0]["planned"], &planned); err != nil {
		t.Fatal(err)
	}
	if got := keys(planned); got != "reps seconds sets weight" {
		t.Errorf("planned keys %q", got)
	}
}

func keys[V any](m map[string]V) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, " ")
}

func TestAdaptRejects(t *testing.T) {
	cat, p := newFakeCatalog(), backload.DefaultPolicy()
	bad := []struct {
		req  backload.AdaptRequest
		want string
	}{
		{backload.AdaptRequest{CheckIn: backload.CheckIn{Pain: 11}}, "checkin.pain: must be between 0 and 10, got 11"},
		{backload.AdaptRequest{Units: "stone"}, `units: unknown units "stone" (want kg or lb)`},
		{backload.AdaptRequest{Session: []backload.PlannedItem{item("Squat", 1, 1, -5)}},
			"session[0].weight: must be between 0 and 1000 kg, got -5"},
		{backload.AdaptRequest{Session: []backload.PlannedItem{{Exercise: "x", Weight: math.NaN()}}},
			"session[0].weight: must be between 0 and 1000 kg, got NaN"},
	}
	for _, b := range bad {
		_, err := backload.Adapt(b.req, cat, p)
		if backload.ErrorCode(err) != backload.EINVALID || err.Error() != b.want {
			t.Errorf("Adapt(%+v) error %v, want %q", b.req, err, b.want)
		}
	}
	if _, err := backload.Adapt(backload.AdaptRequest{}, nil, p); backload.ErrorCode(err) != backload.EINTERNAL {
		t.Errorf("nil catalog: %v", err)
	}
	broken := backload.DefaultPolicy()
	broken.RedSpinalWeight = 0.9
	if _, err := backload.Adapt(backload.AdaptRequest{}, cat, broken); err == nil ||
		!strings.HasPrefix(err.Error(), "policy.RedSpinalWeight") {
		t.Errorf("broken policy: %v", err)
	}
}

func TestDefaultPolicyIsValid(t *testing.T) {
	if err := backload.DefaultPolicy().Validate(); err != nil {
		t.Fatal(err)
	}
	p := backload.DefaultPolicy()
	p.CoreSet[0] = "changed"
	if backload.DefaultPolicy().CoreSet[0] != "mcgill-curl-up" {
		t.Error("DefaultPolicy shares its slices between calls")
	}
}
