// What every scene test uses: the scene catalog, invariant number formatting, and SceneSvg's readers.
global using System.Globalization;
global using Book.Scenes;
global using static Book.Tests.Scenes.SceneSvg;
