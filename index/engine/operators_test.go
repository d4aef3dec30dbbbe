package engine

import (
	"errors"
	"testing"
)

func TestBooleanOperators(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"oil prices", "oil prices"},
		{"oil AND prices", "+oil +prices"},
		{"oil && prices", "+oil +prices"},
		{"oil OR gas", "oil gas"},
		{"oil || gas", "oil gas"},
		{"oil NOT gas", "oil -gas"},
		{"NOT gas", "-gas"},
		{"oil AND NOT gas", "+oil -gas"},
		{"NOT gas AND oil", "-gas +oil"},
		{"a OR b AND c", "a +b +c"},
		{"a AND b AND c", "+a +b +c"},
		{"+oil AND gas", "+oil +gas"},
		{"oil AND -gas", "+oil -gas"},
		{`"prime minister" AND Ukraine`, `+"prime minister" +Ukraine`},
		{`person:"Keir Starmer" AND title:ukraine`, `+person:"Keir Starmer" +title:ukraine`},
		{`"rock AND roll"`, `"rock AND roll"`},
		{"rock and roll", "rock and roll"},
		{`"a \" AND b" AND c`, `+"a \" AND b" +c`},
		{"  oil   AND\tgas ", "+oil +gas"},
	} {
		got, err := booleanOperators(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("booleanOperators(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"AND oil", "oil AND", "oil OR", "OR oil", "oil AND OR gas", "oil OR AND gas", "NOT", "oil NOT", "NOT NOT oil", "oil NOT AND gas"} {
		got, err := booleanOperators(in)
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("booleanOperators(%q) = %q, %v; want a bad query error", in, got, err)
		}
	}
}
