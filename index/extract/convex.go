package extract

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/optimize"
)

// Both models are fitted by minimising a convex loss (a softmax's or a
// logistic's negative log-likelihood) plus an L2 penalty, with L-BFGS over
// all the examples at every step. The optimum of such a loss is one point
// whatever order the examples come in, so a change to the rules that
// alters a few examples moves the weights a little, where the perceptron
// and stochastic gradient descent used before took a different path and
// moved names and speakers nowhere near the change (MODEL.md, session 25).

// fitConvex returns the n weights that minimise lossgrad(w, grad) +
// l2/2·|w|², where lossgrad returns the loss at w and adds its gradient
// into grad (zeroed before each call). It stops when the gradient's
// largest component is below 1e-6 or after iterations steps.
func fitConvex(n int, l2 float64, iterations int, lossgrad func(w, grad []float64) float64) ([]float64, error) {
	eval := func(w, grad []float64) float64 {
		clear(grad)
		v := lossgrad(w, grad)
		for i, x := range w {
			v += l2 / 2 * x * x
			grad[i] += l2 * x
		}
		return v
	}
	scratch := make([]float64, n)
	res, err := optimize.Minimize(optimize.Problem{
		Func: func(w []float64) float64 { return eval(w, scratch) },
		Grad: func(grad, w []float64) { eval(w, grad) },
	}, make([]float64, n), &optimize.Settings{GradientThreshold: 1e-6, MajorIterations: iterations}, &optimize.LBFGS{})
	if res == nil {
		return nil, fmt.Errorf("fit weights: %w", err)
	}
	// Stopping at the step limit or on a line search that can gain no
	// more still leaves the best weights found; only a failure to start
	// is an error.
	return res.X, nil
}

// softmaxLoss is the negative log-probability, weighted, that a softmax
// over scores puts on the classes or candidates marked right, and the
// derivative of that loss by each score, written into p (which holds the
// scores on entry).
func softmaxLoss(p []float64, right func(i int) bool, weight float64) float64 {
	top := math.Inf(-1)
	for _, s := range p {
		top = max(top, s)
	}
	z, zr := 0.0, 0.0
	for i := range p {
		p[i] = math.Exp(p[i] - top)
		z += p[i]
		if right(i) {
			zr += p[i]
		}
	}
	for i := range p {
		g := p[i] / z
		if right(i) {
			g -= p[i] / zr
		}
		p[i] = g * weight
	}
	return weight * (math.Log(z) - math.Log(zr))
}

// logisticLoss is the weighted negative log-likelihood of a yes (right)
// or no at score s, and its derivative by s.
func logisticLoss(s float64, right bool, weight float64) (loss, deriv float64) {
	if right {
		return -weight * logSigmoid(s), weight * (sigmoid(s) - 1)
	}
	return -weight * logSigmoid(-s), weight * sigmoid(s)
}

// logSigmoid is log(1/(1+e^-x)) without overflow.
func logSigmoid(x float64) float64 {
	if x > 0 {
		return -math.Log1p(math.Exp(-x))
	}
	return x - math.Log1p(math.Exp(x))
}
