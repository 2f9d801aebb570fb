// `make bench`, second half: wasm-in-Node throughput (filled in with the bindings).
console.log("wasm throughput: the bindings are not there yet");
