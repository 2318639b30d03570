#!/usr/bin/env python3
"""MadMiner side of bench/vs-madminer.sh, one sub-command per step (each step is its own process,
so that the shell times MadMiner exactly as it times `bin/sbi4j`: interpreter start and imports
included, as the JVM start is for sbi4j).

  convert DIR RATIO.h5 SALLY.h5      sbi4j training samples -> MadMiner's .npy arrays in DIR
  testset TEST.h5 EXACT.npz N SEED   x ~ p(x|theta=0), theta0 ~ U(-1, 1) and the exact log r, score
  train METHOD NPY_DIR MODEL THREADS EPOCHS SEED
  evaluate METHOD MODEL TEST.h5 OUT.npy
  augment EVENTS.h5 DIR ROWS THETAS SEED    MadMiner's SampleAugmenter.sample_train_ratio
  limits EVENTS.h5 MODEL LUMINOSITY GRID_POINTS
  report TIMINGS.tsv EXACT.npz ROWS VALIDATION EPOCHS EVAL...   prints the Markdown tables

MadMiner is imported from $MADMINER_SRC (a folder holding the package `madminer`, its __init__
emptied by the shell script). Needs Debian's python3-torch, python3-h5py, python3-scipy.
"""

import math
import os
import sys

import h5py
import numpy as np


def _madminer():
    src = os.environ.get("MADMINER_SRC")
    if not src or not os.path.isdir(os.path.join(src, "madminer")):
        sys.exit("madminer_train.py: MADMINER_SRC must name a folder that holds madminer/")
    sys.path.insert(0, src)
    import logging

    logging.basicConfig(level=logging.WARNING)


# --- the exact interference-1d likelihood ------------------------------------------------------
# dsigma(z|theta) = e^{-z} (1 + theta (z - 1))^2 on z > 0, sigma(theta) = 1 + theta^2, x = z + N(0,
# s^2) with s = 0.5. With mu = x - s^2, I_k(x) = int_0^inf z^k e^{-z} N(x; z, s^2) dz
# = e^{-x + s^2/2} J_k, J_0 = Phi(mu/s), J_1 = mu J_0 + s phi(mu/s), J_2 = mu J_1 + s^2 J_0 (moments
# of a Gaussian truncated to z > 0). The prefactor cancels in every ratio below.
S = 0.5


def _moments(x):
    from scipy.special import ndtr

    mu = x - S * S
    u = mu / S
    j0 = ndtr(u)
    j1 = mu * j0 + S * np.exp(-0.5 * u * u) / math.sqrt(2 * math.pi)
    j2 = mu * j1 + S * S * j0
    return j0, j1, j2


def _density_ratio_terms(x, theta):
    """(1 + theta (z - 1))^2 = (1 - theta)^2 + 2 theta (1 - theta) z + theta^2 z^2, integrated."""
    j0, j1, j2 = _moments(x)
    return (1 - theta) ** 2 * j0 + 2 * theta * (1 - theta) * j1 + theta**2 * j2, j0, j1


def exact_log_r(x, theta0):
    """log p(x|theta0) - log p(x|0)."""
    num, j0, _ = _density_ratio_terms(x, theta0)
    return np.log(num / j0) - np.log1p(theta0**2)


def exact_score(x):
    """d/dtheta log p(x|theta) at theta = 0: 2 (J_1/J_0 - 1) (d log sigma/dtheta = 0 there)."""
    j0, j1, _ = _moments(x)
    return 2 * (j1 / j0 - 1)


def _check_exact_by_quadrature():
    """Guards the closed form: a few points against a direct numerical integral over z."""
    from scipy.integrate import quad

    def density(x, theta):
        f = lambda z: math.exp(-z) * (1 + theta * (z - 1)) ** 2 * math.exp(-0.5 * ((x - z) / S) ** 2)
        return quad(f, 0, max(x, 0) + 30, points=[max(x, 0)], epsabs=0, epsrel=1e-12)[0] / (1 + theta**2)

    for x, theta in [(-0.7, 0.4), (0.3, -0.9), (1.5, 0.8), (4.0, -0.3)]:
        want = math.log(density(x, theta) / density(x, 0))
        got = float(exact_log_r(np.array([x]), np.array([theta]))[0])
        # quadrature with epsrel 1e-12 on a smooth integrand: 1e-8 is far above its error
        if abs(got - want) > 1e-8:
            sys.exit(f"madminer_train.py: exact log r check failed at x={x}, theta={theta}")
        h = 1e-5
        fd = (math.log(density(x, h)) - math.log(density(x, -h))) / (2 * h)
        # central difference, step 1e-5: truncation ~1e-10, rounding ~1e-11 / 1e-5
        if abs(float(exact_score(np.array([x]))[0]) - fd) > 1e-5:
            sys.exit(f"madminer_train.py: exact score check failed at x={x}")


# --- sub-commands -------------------------------------------------------------------------------
def convert(out, ratio, sally):
    os.makedirs(out, exist_ok=True)
    with h5py.File(ratio, "r") as f:
        np.save(f"{out}/ratio_x.npy", f["x"][()])
        np.save(f"{out}/ratio_theta0.npy", f["theta0"][()])
        np.save(f"{out}/ratio_y.npy", f["y"][()].reshape(-1, 1))
        # MadMiner trains on r(x,z|theta0,theta1) itself, sbi4j stores its logarithm
        np.save(f"{out}/ratio_r_xz.npy", np.exp(f["log_r_xz"][()]).reshape(-1, 1))
        np.save(f"{out}/ratio_t_xz0.npy", f["t_xz0"][()])
    with h5py.File(sally, "r") as f:
        np.save(f"{out}/sally_x.npy", f["x"][()])
        np.save(f"{out}/sally_t_xz0.npy", f["t_xz0"][()])


def testset(path, exact, n, seed):
    _check_exact_by_quadrature()
    rng = np.random.default_rng(int(seed))
    n = int(n)
    z = rng.exponential(1.0, n)  # p(z|theta = 0) = e^{-z}
    x = z + S * rng.standard_normal(n)
    theta0 = rng.uniform(-1, 1, n)
    with h5py.File(path, "w") as f:
        f["x"] = x.reshape(-1, 1)
        f["theta0"] = theta0.reshape(-1, 1)
        f.create_dataset("observables/names", data=[b"x"], dtype="S256")
        f.create_dataset("parameters/names", data=[b"theta"], dtype="S256")
    np.savez(exact, x=x, theta0=theta0, log_r=exact_log_r(x, theta0), score=exact_score(x))


def train(method, npy, model, threads, epochs, seed):
    _madminer()
    import torch

    torch.set_num_threads(int(threads))
    torch.manual_seed(int(seed))
    np.random.seed(int(seed))
    settings = dict(
        optimizer="adam",
        n_epochs=int(epochs),
        batch_size=128,
        initial_lr=1e-3,
        final_lr=1e-4,
        validation_split=0.25,
        early_stopping=True,
        n_workers=0,
        verbose="none",
    )
    if method == "sally":
        from madminer.ml import ScoreEstimator

        est = ScoreEstimator(n_hidden=(100, 100, 100), activation="tanh")
        est.train(method="sally", x=f"{npy}/sally_x.npy", t_xz=f"{npy}/sally_t_xz0.npy", **settings)
    else:
        from madminer.ml import ParameterizedRatioEstimator

        est = ParameterizedRatioEstimator(n_hidden=(100, 100, 100), activation="tanh")
        est.train(
            method=method,
            x=f"{npy}/ratio_x.npy",
            y=f"{npy}/ratio_y.npy",
            theta=f"{npy}/ratio_theta0.npy",
            r_xz=f"{npy}/ratio_r_xz.npy",
            t_xz=f"{npy}/ratio_t_xz0.npy",
            alpha=1.0,
            **settings,
        )
    est.save(model)


def evaluate(method, model, test, out):
    _madminer()
    with h5py.File(test, "r") as f:
        x = f["x"][()]
        theta0 = f["theta0"][()]
    if method == "sally":
        from madminer.ml import ScoreEstimator

        est = ScoreEstimator()
        est.load(model)
        values = est.evaluate_score(x)[:, 0]
    else:
        from madminer.ml import ParameterizedRatioEstimator

        est = ParameterizedRatioEstimator()
        est.load(model)
        values, _ = est.evaluate_log_likelihood_ratio(x, theta0, test_all_combinations=False)
    np.save(out, np.asarray(values, dtype=np.float64).reshape(-1))


def augment(events, out, rows, thetas, seed):
    _madminer()
    from madminer.sampling import SampleAugmenter, benchmark, random_morphing_points

    np.random.seed(int(seed))
    SampleAugmenter(events).sample_train_ratio(
        theta0=random_morphing_points(int(thetas), [("flat", -1.0, 1.0)]),
        theta1=benchmark("sm"),
        n_samples=int(rows),
        folder=out,
        filename="ratio",
        partition="train",
    )


def limits(events, model, luminosity, points):
    _madminer()
    from madminer.limits import AsymptoticLimits

    _, p_values, best, *_ = AsymptoticLimits(events).expected_limits(
        mode="ml",
        theta_true=[0.0],
        grid_ranges=[(-1.0, 1.0)],
        grid_resolutions=[int(points)],
        include_xsec=True,
        model_file=model,
        luminosity=float(luminosity),
        return_histos=False,
    )
    print(f"MadMiner AsymptoticLimits: best fit grid index {best}, {len(p_values)} p-values")


def main(argv):
    commands = dict(
        convert=convert,
        testset=testset,
        train=train,
        evaluate=evaluate,
        augment=augment,
        limits=limits,
    )
    if len(argv) < 2:
        sys.exit(__doc__)
    if argv[1] == "report":
        from madminer_report import report

        report(*argv[2:])
    elif argv[1] in commands:
        commands[argv[1]](*argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
