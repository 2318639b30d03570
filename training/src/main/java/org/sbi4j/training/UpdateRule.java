package org.sbi4j.training;

/** The gradient-descent rule. */
public enum UpdateRule {
  /** Adam (Kingma and Ba 2015), β1 = 0.9, β2 = 0.999, ε = 1e−8. */
  ADAM,
  /** AMSGrad (Reddi, Kale and Kumar 2018): Adam with a non-decreasing second moment. */
  AMSGRAD
}
