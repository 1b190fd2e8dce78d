/// Shared test support: runners for the independent references the engine tests compare against.
///
/// [PythonReference] runs the numpy scripts of `engine/src/test/python` and fails the test with the
/// script's standard error when it fails; numpy is a CI requirement, so nothing is skipped.
package org.sembridge.engine.testing;
