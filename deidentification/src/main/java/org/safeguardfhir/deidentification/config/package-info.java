/**
 * The de-identification configuration: a versioned YAML or JSON file of parameters and ordered rules, read and checked
 * in full when loaded, so that a mistake stops start-up instead of leaking data at run time. Key material never
 * appears here: parameters only name the environment variables that hold it.
 */
package org.safeguardfhir.deidentification.config;
