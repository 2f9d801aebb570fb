//! Native throughput benchmark (filled in by the benchmark work).
fn main() {}
