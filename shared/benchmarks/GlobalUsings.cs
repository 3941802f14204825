// Every workload stores the same update type: a long value, a Timestamp time and a long diff; only the key varies.
global using LongUpdate = Traces.Update<long, long, Traces.Timestamp, long>;
