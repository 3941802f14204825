using Traces.Junctions;

namespace Traces.Junctions.Tests;

[Trait("Part", "junctions")]
public sealed class TraceJunctionBehaviour : JunctionBehaviour
{
    protected override IPairStoreFactory Backing => Backings.Trace;
}

[Trait("Part", "junctions")]
public sealed class TraceJunctionModelRuns : JunctionModelRuns
{
    protected override IPairStoreFactory Backing => Backings.Trace;
}
