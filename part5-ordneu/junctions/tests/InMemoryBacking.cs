using Traces.Junctions;

namespace Traces.Junctions.Tests;

[Trait("Part", "junctions")]
public sealed class InMemoryJunctionBehaviour : JunctionBehaviour
{
    protected override IPairStoreFactory Backing => Backings.InMemory;
}

[Trait("Part", "junctions")]
public sealed class InMemoryJunctionModelRuns : JunctionModelRuns
{
    protected override IPairStoreFactory Backing => Backings.InMemory;
}
