//! Benchmarks for the customer workbench at 100,000 customers.
fn main() {}
