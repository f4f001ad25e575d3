/** Names, labels and limits shared by the Endpoints and EndpointSlice controllers (v1.33). */

/** pkg/controller/endpoint ControllerName, the value of its managed-by label. */
export const ENDPOINTS_CONTROLLER = 'endpoint-controller';
/** pkg/controller/endpoint LabelManagedBy. */
export const LABEL_ENDPOINTS_MANAGED_BY = 'endpoints.kubernetes.io/managed-by';

/** pkg/controller/endpointslice ControllerName. */
export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
/** discovery.LabelServiceName. */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** discovery.LabelManagedBy. */
export const LABEL_SLICE_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';

/** v1.IsHeadlessService, set on Endpoints and slices of Services without a ClusterIP. */
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
/** v1.EndpointsLastChangeTriggerTime. */
export const ANNOTATION_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** v1.EndpointsOverCapacity. */
export const ANNOTATION_OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';

/** endpoints_controller.go maxCapacity: addresses kept in one Endpoints object. */
export const MAX_ENDPOINTS_CAPACITY = 1000;
/** kube-controller-manager --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;
