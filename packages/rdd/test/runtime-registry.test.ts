import { describe, expect, it } from 'vitest';
import { loadRuntimes, provideRuntime, registerRuntime, runtimeFunction, runtimeNamespaces } from '../src/index.js';

describe('the runtime registry', () => {
  it('keeps the core functions under their bare names', () => {
    expect(runtimeFunction('identity')(7)).toBe(7);
    expect(runtimeFunction('core.pairKey')(['k', 'v'])).toBe('k');
  });

  it('registers a package’s functions under its namespace and refers to them by qualified name', () => {
    const kernels = registerRuntime('testKernels', { addConstant: (x: number, env: { c: number }) => x + env.c });
    const ref = kernels.ref('addConstant', { c: 2 });
    expect(ref.source).toBe('runtime:testKernels.addConstant');
    expect(ref.env).toEqual({ c: 2 });
    expect(runtimeFunction(ref.source.slice('runtime:'.length))(40, ref.env)).toBe(42);
  });

  it('keeps namespaces apart: the same name in two namespaces is two functions', () => {
    registerRuntime('left', { pick: () => 'left' });
    registerRuntime('right', { pick: () => 'right' });
    expect(runtimeFunction('left.pick')()).toBe('left');
    expect(runtimeFunction('right.pick')()).toBe('right');
    expect(() => runtimeFunction('pick')).toThrow("Unknown Flint runtime function 'pick'");
  });

  it('refuses to replace a registered function, and bad namespaces', () => {
    const f = () => 1;
    registerRuntime('again', { f });
    expect(() => registerRuntime('again', { f })).not.toThrow();
    expect(() => registerRuntime('again', { f: () => 2 })).toThrow("'again.f' is already registered with another function");
    expect(() => registerRuntime('core', { identity: (x: unknown) => x })).toThrow("'core.identity' is already registered");
    expect(() => registerRuntime('Bad.Name', { f })).toThrow(/namespace 'Bad\.Name' must be letters and digits/);
  });

  it('says which reference is unknown', () => {
    expect(() => runtimeFunction('nowhere.kernel')).toThrow("Unknown Flint runtime function 'nowhere.kernel'");
  });

  it('lists the namespaces registered besides core, and loads a provided namespace once, when asked for it', async () => {
    let loads = 0;
    provideRuntime('lazyKernels', async () => {
      loads++;
      registerRuntime('lazyKernels', { twice: (x: number) => 2 * x });
    });
    expect(runtimeNamespaces()).not.toContain('lazyKernels');
    expect(runtimeNamespaces()).not.toContain('core');
    expect(() => runtimeFunction('lazyKernels.twice')).toThrow("Unknown Flint runtime function 'lazyKernels.twice'");
    await Promise.all([loadRuntimes(['lazyKernels', 'noProvider']), loadRuntimes(['lazyKernels'])]);
    await loadRuntimes(['lazyKernels']);
    expect(loads).toBe(1);
    expect(runtimeFunction('lazyKernels.twice')(21)).toBe(42);
    expect(runtimeNamespaces()).toContain('lazyKernels');
  });
});
